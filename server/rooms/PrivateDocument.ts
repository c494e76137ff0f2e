/** One participant's private document (drafts, ballots) on the shared sync path, judged by the private write rules. */
import type { Logger } from 'pino';
import type * as Y from 'yjs';
import type { Identity } from '../../shared/domain/identity';
import type { RefusalOf } from '../../shared/domain/refusal';
import { CLOSE_CODE, type CloseCode } from '../../shared/protocol/closeCodes';
import type { Change } from '../../shared/validate/changes';
import type { Storage } from '../storage/Storage';
import type { Connection } from './Connection';
import type { DocumentLimits } from './DocumentLimits';
import { DocumentSockets, errorName, type SyncLog } from './DocumentSockets';

/** What a private document reads besides itself. */
export interface PrivateContext {
  storage: Storage;
  logger: Logger;
  limits: DocumentLimits;
  /** The workshop's shared document (its steps and votes decide what a draft or a ballot may be). */
  shared: () => Y.Doc;
  /** The private write rules (shared/domain/privateRules.ts `authorizePrivate`). */
  authorize: PrivateRules;
}

/** May `sender` make these changes to their private document, given the shared one? */
export type PrivateRules = (sender: Identity, changes: readonly Change[], privateDoc: Y.Doc, shared: Y.Doc) => RefusalOf<string> | null;

/**
 * One participant's private document (drafts, ballots): stored before relay like the shared
 * one, and relayed only to that participant's other private sockets. Its sync path and gate
 * are the shared one's ({@link DocumentSockets}) with the private write rules
 * (`authorizePrivate`); a refused update closes its socket with 4403 and changes nothing.
 * Presence is not spoken here: awareness on a private socket is ignored.
 */
export class PrivateDocument {
  private sockets!: DocumentSockets;
  private readonly closedListeners: Array<() => void> = [];

  private constructor(readonly participantId: string) {}

  /** Loads a participant's private document stored under `storageId`. */
  static async load(storageId: string, participantId: string, context: PrivateContext): Promise<PrivateDocument> {
    const document = new PrivateDocument(participantId);
    document.sockets = await DocumentSockets.load(storageId, context.storage, {
      logger: context.logger,
      limits: context.limits,
      log: privateLog(context.logger),
      authorize: (sender, changes, doc) => context.authorize(sender, changes, doc, context.shared()),
      // Only new canvas records are held, and a private document has none: refuse what cannot be.
      hold: (conn) => conn.close(CLOSE_CODE.forbidden, 'forbidden'),
      broken: (reason) => document.shutdown(CLOSE_CODE.internalError, reason),
    });
    return document;
  }

  /** The live document; the server writes through {@link change}. */
  get doc(): Y.Doc {
    return this.sockets.doc;
  }

  /** True once it shut down (storage failure, unload, deletion): nothing more is written. */
  get isClosed(): boolean {
    return this.sockets.isClosed;
  }

  /** Calls `listener` once this document shuts down. */
  whenClosed(listener: () => void): void {
    if (this.isClosed) listener();
    else this.closedListeners.push(listener);
  }

  /** The server's own write (a reveal clearing moved drafts), stored before the owner's sockets receive it. */
  change(fn: (doc: Y.Doc) => void): Promise<void> {
    return this.sockets.document.change(fn);
  }

  /** Welcomes one of the owner's private sockets with the server's state vector. */
  add(conn: Connection): void {
    this.sockets.add(conn);
  }

  remove(conn: Connection): void {
    this.sockets.remove(conn);
  }

  /** Handles one binary frame from one of the owner's private sockets. */
  receive(conn: Connection, data: Uint8Array): void {
    this.sockets.receive(conn, data);
  }

  /** Stores what is pending and writes a snapshot (before the room unloads). */
  persist(): Promise<void> {
    return this.sockets.document.persist();
  }

  /** Closes the owner's private sockets; nothing more is stored or relayed. */
  shutdown(code: CloseCode, reason: string): void {
    if (this.isClosed) return;
    this.sockets.shutdown(code, reason);
    for (const listener of this.closedListeners.splice(0)) listener();
  }

  destroy(): void {
    this.sockets.destroy();
  }
}

/** A private document's log lines: marked as private, never content (a draft's text least of all). */
function privateLog(logger: Logger): SyncLog {
  const document = 'private';
  return {
    badFrame: (_conn, reason) => logger.warn({ reason, document }, 'bad frame, closing socket'),
    // A failed store behind a late answer is logged where it happens (DurableDocument).
    step1Failed: () => undefined,
    // Routine after a reconnect; the shared room's debug line already marks the pattern.
    missingState: () => undefined,
    refused: (conn, verdict) => logger.warn({ ...verdict.log, role: conn.session.role, document }, 'private update refused, closing socket'),
    applyFailed: (conn, error) => logger.warn({ errorName: errorName(error), role: conn.session.role, document }, 'private update failed to apply'),
  };
}
