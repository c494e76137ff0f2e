/**
 * Tokens kept in this browser. Tokens arrive in the URL fragment (never sent to the server
 * in a page request); we keep them per workshop so a reload or a bookmark without the
 * fragment still opens the board, and per join code so rejoining keeps the same participant.
 */

export interface JoinCredentials {
  workshopId: string;
  participantId: string;
  token: string;
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode: the token lives only in the page's address.
  }
}

/** `#token=…` in a board's address. */
const TOKEN_IN_HASH = /(?:^#|&)token=([^&]+)/;

/** The token a board will take (from the address, else kept in this browser), leaving it where it is. */
export function peekToken(workshopId: string, kind: 'board' | 'projector'): string | null {
  const match = TOKEN_IN_HASH.exec(location.hash);
  return match ? decodeURIComponent(match[1]) : read(`flet:token:${kind}:${workshopId}`);
}

/** Take `#token=…` from the address (removing it from the visible URL) and keep it. */
export function takeTokenFromHash(workshopId: string, kind: 'board' | 'projector'): string | null {
  const match = TOKEN_IN_HASH.exec(location.hash);
  if (match) {
    const token = decodeURIComponent(match[1]);
    write(`flet:token:${kind}:${workshopId}`, token);
    history.replaceState(null, '', location.pathname + location.search);
    return token;
  }
  return read(`flet:token:${kind}:${workshopId}`);
}

/** The token this browser keeps for a workshop's board or projector, if any. */
export function keptToken(workshopId: string, kind: 'board' | 'projector'): string | null {
  return read(`flet:token:${kind}:${workshopId}`);
}

/** Remember a token for a workshop board. */
export function rememberToken(workshopId: string, kind: 'board' | 'projector', token: string): void {
  write(`flet:token:${kind}:${workshopId}`, token);
}

/**
 * Forget a token that the server refused, and any join that led to it, so the join link
 * asks again instead of reopening a board that is gone.
 */
export function forgetToken(workshopId: string, kind: 'board' | 'projector'): void {
  // Without its key, a board this browser facilitated cannot be reopened from the start page.
  if (kind === 'board') forgetFacilitated(workshopId);
  try {
    localStorage.removeItem(`flet:token:${kind}:${workshopId}`);
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const key = localStorage.key(i);
      if (key?.startsWith('flet:join:') && joinedWith(key.slice('flet:join:'.length))?.workshopId === workshopId) {
        localStorage.removeItem(key);
      }
    }
  } catch {
    // nothing kept
  }
}

/** Forget every token and join this browser keeps for a workshop that no longer exists. */
export function forgetWorkshop(workshopId: string): void {
  forgetToken(workshopId, 'board');
  forgetToken(workshopId, 'projector');
  forgetFacilitated(workshopId);
  try {
    // What the server last said of it (kept by the board to open offline).
    localStorage.removeItem(`flet:info:${workshopId}`);
  } catch {
    // nothing kept
  }
}

/** A workshop this browser facilitates, as the start page lists it to reopen. */
export interface FacilitatedWorkshop {
  id: string;
  title: string;
  /** ISO date-time the workshop was made. */
  createdAt: string;
}

const FACILITATED_KEY = 'flet:facilitated';

function isFacilitated(value: unknown): value is FacilitatedWorkshop {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<FacilitatedWorkshop>;
  return typeof entry.id === 'string' && typeof entry.title === 'string' && typeof entry.createdAt === 'string';
}

/** The workshops this browser facilitates (made here or opened with a facilitator link), newest first. */
export function facilitatedWorkshops(): FacilitatedWorkshop[] {
  const raw = read(FACILITATED_KEY);
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return [];
    return value.filter(isFacilitated).sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  } catch {
    return [];
  }
}

/**
 * Keep a workshop this browser facilitates (or update its title), so the start page offers
 * it for the next gathering. Its facilitator token is kept with the board's tokens.
 */
export function rememberFacilitated(workshop: FacilitatedWorkshop): void {
  const others = facilitatedWorkshops().filter((entry) => entry.id !== workshop.id);
  write(FACILITATED_KEY, JSON.stringify([{ id: workshop.id, title: workshop.title, createdAt: workshop.createdAt }, ...others]));
}

/** Stop listing a workshop (it was deleted, or is gone from the server). */
export function forgetFacilitated(workshopId: string): void {
  const list = facilitatedWorkshops();
  const kept = list.filter((entry) => entry.id !== workshopId);
  if (kept.length !== list.length) write(FACILITATED_KEY, JSON.stringify(kept));
}

function joinKey(code: string): string {
  return `flet:join:${code.trim()}`;
}

/** The participant this browser became with a join code, if any. */
export function joinedWith(code: string): JoinCredentials | null {
  const raw = read(joinKey(code));
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<JoinCredentials>;
    if (typeof value.workshopId === 'string' && typeof value.token === 'string' && typeof value.participantId === 'string') {
      return value as JoinCredentials;
    }
  } catch {
    // ignore a damaged entry
  }
  return null;
}

/** Keep the participant of a join code, and its board token. */
export function rememberJoin(code: string, credentials: JoinCredentials): void {
  write(joinKey(code), JSON.stringify(credentials));
  rememberToken(credentials.workshopId, 'board', credentials.token);
}
