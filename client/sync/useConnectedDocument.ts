import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { connect, type ConnectionStatus } from './connection';
import { takeEarlyConnection } from './earlyConnection';

/** A document connected without a tldraw store, and the state of its link. */
export interface ConnectedDocument {
  doc: Y.Doc;
  /** True once it holds what the server (or this browser's copy) had. */
  ready: boolean;
  status: ConnectionStatus;
}

/**
 * Opens a workshop document without the canvas: the shared one (the phone view; the
 * connection opened while the page loaded is taken over) or the token holder's private one
 * (`/ws/<workshopId>/private`, drafts and ballots, which only they and the server hold).
 * Null while `enabled` is false and until it is opened; stopped on unmount.
 */
export function useConnectedDocument(
  workshopId: string,
  token: string | null,
  enabled: boolean,
  which: 'shared' | 'private',
): ConnectedDocument | null {
  const [state, setState] = useState<ConnectedDocument | null>(null);
  useEffect(() => {
    if (!enabled || !token) {
      setState(null);
      return;
    }
    const shared = which === 'shared';
    const early = shared ? takeEarlyConnection(workshopId, token) : null;
    const doc = early?.doc ?? new Y.Doc();
    const connection = early?.connection ?? connect(doc, workshopId, token, { privateDocument: !shared });
    let alive = true;
    let ready = false;
    const publish = (): void => {
      if (alive) setState({ doc, ready, status: connection.status() });
    };
    const stopStatus = connection.onStatus(publish);
    void connection.ready.then(() => {
      ready = true;
      // The shared document, for checks from the browser console and the end-to-end tests.
      if (shared) window.__fletDoc = doc;
      publish();
    });
    publish();
    return () => {
      alive = false;
      stopStatus();
      if (window.__fletDoc === doc) delete window.__fletDoc;
      connection.dispose();
      doc.destroy();
    };
  }, [workshopId, token, enabled, which]);
  return state;
}
