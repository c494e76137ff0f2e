import { useSyncExternalStore } from 'react';

/** Why the drafts box was opened from the canvas: a new note was kept off the board ('new'), or its text became a draft ('kept'). */
export interface DraftsNotice {
  kind: 'new' | 'kept';
  /** Tells two notices of the same kind apart, so the box says it again. */
  serial: number;
}

let current: DraftsNotice | null = null;
let serial = 0;
const listeners = new Set<() => void>();

/** The canvas kept a note off the board: the drafts box says why when it shows. */
export function tellDraftsBox(kind: DraftsNotice['kind']): void {
  serial += 1;
  current = { kind, serial };
  for (const listener of listeners) listener();
}

/** Forget the notice (the box was closed, or the step changed). */
export function clearDraftsNotice(): void {
  if (!current) return;
  current = null;
  for (const listener of listeners) listener();
}

/** The latest notice from the canvas, if any. */
export function useDraftsNotice(): DraftsNotice | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
