import { useSyncExternalStore } from 'react';

/** A client route, parsed from the path. */
export type Route =
  | { name: 'start' }
  | { name: 'join'; code: string }
  | { name: 'board'; workshopId: string }
  | { name: 'projector'; workshopId: string }
  | { name: 'notFound' };

/** Parse a pathname into a route. */
export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: 'start' };
  if (parts.length === 2 && parts[0] === 'join') return { name: 'join', code: parts[1] };
  if (parts.length === 2 && parts[0] === 'w') return { name: 'board', workshopId: parts[1] };
  if (parts.length === 2 && parts[0] === 'p') return { name: 'projector', workshopId: parts[1] };
  return { name: 'notFound' };
}

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

/** Go to a path inside the app without reloading the page. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  for (const listener of listeners) listener();
}

/** The current pathname, re-rendering on navigation. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => location.pathname);
}
