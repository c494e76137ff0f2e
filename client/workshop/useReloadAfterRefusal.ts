import { useCallback, useEffect } from 'react';
import type { ConnectionStatus } from '../sync/connection';

/** Long enough to read the sentence that says what happened; short enough not to wait. */
export const RELOAD_AFTER_MS = 6_000;

/**
 * After the server refused a change from this page, reload it: the connection has erased
 * this browser's copy with the refused change in it, so the reloaded board is the one the
 * server holds. Returns whether the page is about to reload, and a way to reload at once.
 */
export function useReloadAfterRefusal(status: ConnectionStatus): { reloading: boolean; reloadNow(): void } {
  const reloading = status === 'refused';
  const reloadNow = useCallback(() => location.reload(), []);
  useEffect(() => {
    if (!reloading) return;
    const timer = setTimeout(reloadNow, RELOAD_AFTER_MS);
    return () => clearTimeout(timer);
  }, [reloading, reloadNow]);
  return { reloading, reloadNow };
}
