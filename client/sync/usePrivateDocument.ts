import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { connect, type ConnectionStatus } from './connection';

/** A participant's private document (drafts, ballots) and the state of its link. */
export interface PrivateDocument {
  doc: Y.Doc;
  /** True once it holds what the server (or this browser's copy) had. */
  ready: boolean;
  status: ConnectionStatus;
}

/**
 * Opens the token holder's private document (`/ws/<workshopId>/private`): only this person and
 * the server ever hold it. Null while `enabled` is false (the facilitator and the projector
 * have none) and until it is opened.
 */
export function usePrivateDocument(workshopId: string, token: string | null, enabled: boolean): PrivateDocument | null {
  const [state, setState] = useState<PrivateDocument | null>(null);
  useEffect(() => {
    if (!enabled || !token) {
      setState(null);
      return;
    }
    const doc = new Y.Doc();
    const connection = connect(doc, workshopId, token, { privateDocument: true });
    let alive = true;
    let ready = false;
    const publish = (): void => {
      if (alive) setState({ doc, ready, status: connection.status() });
    };
    const stopStatus = connection.onStatus(publish);
    void connection.ready.then(() => {
      ready = true;
      publish();
    });
    publish();
    return () => {
      alive = false;
      stopStatus();
      connection.dispose();
      doc.destroy();
    };
  }, [workshopId, token, enabled]);
  return state;
}
