import * as Y from 'yjs';
import { peekToken } from '../credentials';
import { connect, type Connection } from './connection';

/**
 * A board's connection, opened while the board's code (tldraw, most of the client) is still
 * loading: the document syncs meanwhile, and the board takes it over when it opens
 * (useWorkshopSession). It holds only the document and its connection; the store, the rules
 * and the presence are bound by the board, as for any connection.
 */
interface EarlyConnection {
  workshopId: string;
  token: string;
  doc: Y.Doc;
  connection: Connection;
  unclaimed: ReturnType<typeof setTimeout>;
}

/** A connection the board has not taken by then (it could not open) is closed. */
const UNCLAIMED_AFTER_MS = 30_000;

let early: EarlyConnection | null = null;
/** Once the board has asked, a connection opened later would never be taken. */
let asked = false;

function close(connection: EarlyConnection): void {
  clearTimeout(connection.unclaimed);
  connection.connection.dispose();
  connection.doc.destroy();
}

/** Start syncing a board's document before its page has loaded (when this browser has its token). */
export function connectEarly(workshopId: string, kind: 'board' | 'projector'): void {
  if (asked || early) return;
  const token = peekToken(workshopId, kind);
  if (!token) return;
  const doc = new Y.Doc();
  const connection = connect(doc, workshopId, token);
  early = {
    workshopId,
    token,
    doc,
    connection,
    unclaimed: setTimeout(() => {
      if (early) close(early);
      early = null;
    }, UNCLAIMED_AFTER_MS),
  };
}

/** The early connection to this workshop with this token, taken over by the caller; null if there is none. */
export function takeEarlyConnection(workshopId: string, token: string): { doc: Y.Doc; connection: Connection } | null {
  asked = true;
  const taken = early;
  early = null;
  if (!taken) return null;
  clearTimeout(taken.unclaimed);
  if (taken.workshopId === workshopId && taken.token === token) return { doc: taken.doc, connection: taken.connection };
  close(taken);
  return null;
}
