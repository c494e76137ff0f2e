import { useCallback, useEffect, useState } from 'react';
import { ApiError, fetchWorkshop, type WorkshopInfo } from '../api';
import { forgetToken, forgetWorkshop, takeTokenFromHash } from '../credentials';
import { forgetCachedWorkshop } from '../sync/connection';

/** Why a board cannot open: no key in the link, a key no longer valid, no such workshop, no server. */
export type BoardProblem = 'noToken' | 'unauthorized' | 'notFound' | 'network';

/** Why the server says a board is over for this browser. */
export type BoardEnd = 'notFound' | 'unauthorized';

/** The key that opens a board, what the server says about the workshop, and why it cannot open. */
export interface BoardCredentials {
  token: string | null;
  info: WorkshopInfo | null;
  problem: BoardProblem | null;
  /** The board is over for this browser: forget everything it kept of it, and say why. */
  end(why: BoardEnd): void;
}

function infoKey(workshopId: string): string {
  return `flet:info:${workshopId}`;
}

function cachedInfo(workshopId: string): WorkshopInfo | null {
  try {
    const raw = localStorage.getItem(infoKey(workshopId));
    return raw ? (JSON.parse(raw) as WorkshopInfo) : null;
  } catch {
    return null;
  }
}

function cacheInfo(info: WorkshopInfo): void {
  try {
    localStorage.setItem(infoKey(info.id), JSON.stringify(info));
  } catch {
    // nothing to keep
  }
}

/**
 * The server says the workshop is gone (or this link no longer opens it): this browser keeps
 * nothing of it any more, neither the board's copy nor the key that opened it.
 */
function forgetLocally(workshopId: string, kind: 'board' | 'projector', why: BoardEnd): void {
  if (why === 'notFound') forgetWorkshop(workshopId);
  else forgetToken(workshopId, kind);
  try {
    localStorage.removeItem(infoKey(workshopId));
  } catch {
    // nothing kept
  }
  void forgetCachedWorkshop(workshopId);
}

/**
 * Take the board's key from the link (or from this browser), and ask the server what it
 * opens. Offline is normal: without an answer, the board opens from what this browser kept.
 */
export function useBoardCredentials(workshopId: string, projector: boolean): BoardCredentials {
  const kind = projector ? 'projector' : 'board';
  const [token] = useState(() => takeTokenFromHash(workshopId, kind));
  const [info, setInfo] = useState<WorkshopInfo | null>(null);
  const [problem, setProblem] = useState<BoardProblem | null>(token ? null : 'noToken');

  const end = useCallback(
    (why: BoardEnd) => {
      forgetLocally(workshopId, kind, why);
      setProblem(why);
    },
    [workshopId, kind],
  );

  useEffect(() => {
    if (!token) return;
    let alive = true;
    fetchWorkshop(workshopId, token)
      .then((answer) => {
        if (!alive) return;
        cacheInfo(answer);
        setInfo(answer);
      })
      .catch((error: unknown) => {
        if (!alive) return;
        const status = error instanceof ApiError ? error.status : 0;
        if (status === 401 || status === 403 || status === 404) {
          end(status === 404 ? 'notFound' : 'unauthorized');
          return;
        }
        const cached = cachedInfo(workshopId);
        if (cached) setInfo(cached);
        else setProblem('network');
      });
    return () => {
      alive = false;
    };
  }, [workshopId, token, end]);

  return { token, info, problem, end };
}
