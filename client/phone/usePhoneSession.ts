import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { connect, type ConnectionStatus } from '../sync/connection';
import { takeEarlyConnection } from '../sync/earlyConnection';

/** The workshop's shared document as the phone view holds it: no tldraw store, no cursor. */
export interface PhoneSession {
  doc: Y.Doc | null;
  /** True once the document holds what the server (or this browser's copy) had. */
  ready: boolean;
  status: ConnectionStatus;
}

/**
 * Open the workshop's shared document without the canvas: the same connection as the board
 * (offline copy, readable status; the one opened while the page loaded is taken over), but
 * no store and no presence, since a phone sends no cursor. Stopped on unmount.
 */
export function usePhoneSession(workshopId: string, token: string | null, enabled: boolean): PhoneSession {
  const [session, setSession] = useState<PhoneSession>({ doc: null, ready: false, status: 'connecting' });
  useEffect(() => {
    if (!enabled || !token) return;
    const early = takeEarlyConnection(workshopId, token);
    const doc = early?.doc ?? new Y.Doc();
    const connection = early?.connection ?? connect(doc, workshopId, token);
    let alive = true;
    let ready = false;
    const publish = (): void => {
      if (alive) setSession({ doc, ready, status: connection.status() });
    };
    const stopStatus = connection.onStatus(publish);
    void connection.ready.then(() => {
      ready = true;
      window.__fletDoc = doc;
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
  }, [workshopId, token, enabled]);
  return session;
}
