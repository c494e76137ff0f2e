import { clearDocument, IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { CLOSE_CODE } from '../../shared/protocol/closeCodes';
import { recordsOf } from '../../shared/schema';
import { ApiError, fetchWorkshop } from '../api';

/**
 * What a person is told about the link to the server. `deleted` (the workshop is gone) and
 * `unauthorized` (the link no longer works) are final: the connection has stopped and this
 * browser's copy of the board is erased. `refused`: the server refused a change from this
 * page (a rule broken) and closed the link; this browser's copy, which holds the refused
 * change, is erased, so a reload opens the board as the server has it. `denied` is any other
 * refusal for good.
 */
export type ConnectionStatus =
  | 'connecting'
  | 'connected'
  | 'reconnecting'
  | 'offline'
  | 'denied'
  | 'refused'
  | 'deleted'
  | 'unauthorized';

/** True for the statuses after which this connection never writes or connects again. */
export function isStopped(status: ConnectionStatus): boolean {
  return status === 'denied' || status === 'refused' || isEnded(status);
}

/** True for the statuses after which the board is gone for this browser. */
export function isEnded(status: ConnectionStatus): status is 'deleted' | 'unauthorized' {
  return status === 'deleted' || status === 'unauthorized';
}

/** Name of the IndexedDB database that keeps a workshop's document (or this person's private one) in this browser. */
function cacheName(workshopId: string, privateDocument = false): string {
  return privateDocument ? `flet:${workshopId}:private` : `flet:${workshopId}`;
}

/** Erase this browser's offline copies of a workshop (deleted, or no longer ours to read), the private one too. */
export function forgetCachedWorkshop(workshopId: string): Promise<void> {
  return Promise.all([clearDocument(cacheName(workshopId)), clearDocument(cacheName(workshopId, true))]).then(
    () => {},
    () => {},
  );
}

/** A workshop document connected to the server and cached in this browser. */
export interface Connection {
  readonly awareness: Awareness;
  /** Resolves once the document holds what the server or the offline cache had. */
  readonly ready: Promise<void>;
  status(): ConnectionStatus;
  /** Subscribe to status changes; returns the disposer. */
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  dispose(): void;
}

/** How to connect a document. */
export interface ConnectOptions {
  /** Keep a copy in IndexedDB (default true). */
  cache?: boolean;
  /** The token holder's private document (drafts, ballots) instead of the shared one. */
  privateDocument?: boolean;
}

/** After this long without a connection, "reconnecting" becomes "offline". */
const OFFLINE_AFTER_MS = 8_000;
/** With a filled offline cache, stop waiting for the server after this long. */
const CACHE_FALLBACK_MS = 3_000;
/**
 * A refused upgrade (the workshop deleted while we were away, a token no longer valid) looks
 * like any failed connection to a browser. After a failed attempt, ask the API why, at most
 * this often.
 */
const PROBE_INTERVAL_MS = 10_000;

/**
 * Connect a workshop document: IndexedDB keeps a copy, so a dropped connection loses
 * nothing and a reload opens offline; the WebsocketProvider syncs with the server.
 * Awareness updates received from others are not sent back (the stock provider would echo
 * every one of them to the server).
 */
export function connect(doc: Y.Doc, workshopId: string, token: string, options: ConnectOptions = {}): Connection {
  const serverUrl = `${location.origin.replace(/^http/, 'ws')}/ws`;
  const privateDocument = options.privateDocument === true;
  // The private document is the token holder's own: `/ws/<workshopId>/private`.
  const room = privateDocument ? `${workshopId}/private` : workshopId;
  const provider = new WebsocketProvider(serverUrl, room, doc, { params: { token }, disableBc: true });
  const cache = options.cache === false ? null : new IndexeddbPersistence(cacheName(workshopId, privateDocument), doc);
  const awareness = provider.awareness;

  // Send only our own awareness changes: remote ones arrive with the provider as origin.
  const sendAwareness = provider._awarenessUpdateHandler;
  awareness.off('update', sendAwareness);
  const sendOwnAwareness = (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    if (origin === provider) return;
    sendAwareness(change, origin);
  };
  awareness.on('update', sendOwnAwareness);

  const listeners = new Set<(status: ConnectionStatus) => void>();
  let current: ConnectionStatus = 'connecting';
  let everConnected = false;
  let offlineTimer: ReturnType<typeof setTimeout> | undefined;
  const set = (status: ConnectionStatus): void => {
    if (status === current) return;
    current = status;
    for (const listener of listeners) listener(status);
  };
  const onProviderStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }): void => {
    if (isStopped(current)) return;
    if (status === 'connected') {
      performance.mark('flet:socket-open');
      // The link is up; "connected" is said once the document has synced over it.
      clearTimeout(offlineTimer);
      offlineTimer = undefined;
      if (provider.synced) onSynced(true);
      else if (current === 'offline') set(everConnected ? 'reconnecting' : 'connecting');
      return;
    }
    if (!navigator.onLine) {
      set('offline');
      return;
    }
    if (everConnected && current === 'connected') set('reconnecting');
    if (offlineTimer === undefined) {
      offlineTimer = setTimeout(() => {
        offlineTimer = undefined;
        if (current === 'connecting' || current === 'reconnecting') set('offline');
      }, OFFLINE_AFTER_MS);
    }
  };
  // The workshop is gone or the link no longer works: stop for good and erase the local copy.
  const end = (status: 'deleted' | 'unauthorized'): void => {
    if (isEnded(current)) return;
    clearTimeout(offlineTimer);
    offlineTimer = undefined;
    provider.disconnect();
    if (cache) void cache.clearData();
    else void forgetCachedWorkshop(workshopId);
    set(status);
  };
  const onSynced = (synced: boolean): void => {
    if (!synced || isStopped(current)) return;
    everConnected = true;
    clearTimeout(offlineTimer);
    offlineTimer = undefined;
    set('connected');
  };
  // The server refused a change of ours. It lives only here (in memory and in this browser's
  // copy), and the copy would send it again on every visit: erase the copy, then say so.
  const refuse = (): void => {
    if (isStopped(current)) return;
    clearTimeout(offlineTimer);
    offlineTimer = undefined;
    provider.disconnect();
    // clearData does not wait for the database to be deleted; deleting it once more does.
    // A private document's refusal erases only that document's copy, not the shared board's.
    const forget = (): Promise<void> => (privateDocument ? clearDocument(cacheName(workshopId, true)).catch(() => {}) : forgetCachedWorkshop(workshopId));
    const erased = cache ? cache.clearData().then(forget) : forget();
    void erased.catch(() => {}).then(() => set('refused'));
  };
  const onClosed = ({ code }: { code: number }): void => {
    if (code === CLOSE_CODE.workshopDeleted) end('deleted');
    else if (code === CLOSE_CODE.unauthorized) end('unauthorized');
    else if (code === CLOSE_CODE.forbidden) refuse();
    else if (!isStopped(current)) set('denied');
  };
  let lastProbe = -Infinity;
  const onSocketClosed = (): void => {
    // Only a socket that never opened may be a refused upgrade.
    if (provider.wsconnected || isEnded(current) || !navigator.onLine) return;
    const now = Date.now();
    if (now - lastProbe < PROBE_INTERVAL_MS) return;
    lastProbe = now;
    fetchWorkshop(workshopId, token).catch((error: unknown) => {
      const status = error instanceof ApiError ? error.status : 0;
      if (status === 404) end('deleted');
      else if (status === 401 || status === 403) end('unauthorized');
    });
  };
  const onOffline = (): void => {
    if (!isStopped(current)) set('offline');
  };
  const onOnline = (): void => {
    if (current === 'offline') set(everConnected ? 'reconnecting' : 'connecting');
  };
  provider.on('status', onProviderStatus);
  provider.on('sync', onSynced);
  provider.on('closed', onClosed);
  provider.on('connection-close', onSocketClosed);
  window.addEventListener('offline', onOffline);
  window.addEventListener('online', onOnline);

  const ready = new Promise<void>((resolve) => {
    const onSync = (synced: boolean): void => {
      if (synced) {
        performance.mark('flet:synced');
        provider.off('sync', onSync);
        resolve();
      }
    };
    provider.on('sync', onSync);
    // Open from this browser's copy when the server is slow or away, but only if there is a
    // copy: an empty store would let tldraw create its own document and page records, which
    // would then overwrite the workshop's shared ones. A first visit waits for the server.
    if (cache) {
      void cache.whenSynced.then(() => {
        setTimeout(() => {
          // A private document may rightly be empty (nothing written yet).
          if (privateDocument || recordsOf(doc).size > 0) resolve();
        }, CACHE_FALLBACK_MS);
      });
    }
  });

  return {
    awareness,
    ready,
    status: () => current,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      clearTimeout(offlineTimer);
      listeners.clear();
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      provider.off('status', onProviderStatus);
      provider.off('sync', onSynced);
      provider.off('closed', onClosed);
      provider.off('connection-close', onSocketClosed);
      awareness.off('update', sendOwnAwareness);
      awareness.setLocalState(null);
      provider.destroy();
      void cache?.destroy();
    },
  };
}
