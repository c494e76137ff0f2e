import type { Logger } from 'pino';
import * as Y from 'yjs';
import type { Identity } from '../../shared/domain/identity';
import type { RefusalOf } from '../../shared/domain/refusal';
import { CLOSE_CODE, type CloseCode } from '../../shared/protocol/closeCodes';
import { decodeFrame, FrameError, type IncomingMessage } from '../../shared/protocol/frame';
import { syncStep1Frame, syncStep2Frame, updateFrame } from '../../shared/protocol/outgoing';
import type { Change } from '../../shared/validate/changes';
import type { Storage } from '../storage/Storage';
import type { Connection } from './Connection';
import type { DocumentLimits } from './DocumentLimits';
import { DurableDocument, type StoredUpdate } from './DurableDocument';
import { judgeUpdate } from './judgeUpdate';

/** What visiting one existing struct for a delete set is charged, as in the shared room. */
const BYTES_PER_VISITED_STRUCT = 8;

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
 * one (a {@link DurableDocument} of its own), and relayed only to that participant's other
 * private sockets. Its gate is the shared one's pipeline with the private write rules
 * (`authorizePrivate`); a refused update closes its socket with 4403 and changes nothing.
 * Presence is not spoken here: awareness on a private socket is ignored.
 */
export class PrivateDocument {
  private readonly connections = new Set<Connection>();
  private readonly waiting: Array<{ conn: Connection; data: Uint8Array }> = [];
  private durable!: DurableDocument;
  private closed = false;
  private readonly closedListeners: Array<() => void> = [];

  private constructor(
    readonly participantId: string,
    private readonly context: PrivateContext,
  ) {}

  /** Loads a participant's private document stored under `storageId`. */
  static async load(storageId: string, participantId: string, context: PrivateContext): Promise<PrivateDocument> {
    const document = new PrivateDocument(participantId, context);
    document.durable = await DurableDocument.load(storageId, context.storage, context.logger, {
      stored: (items) => document.relay(items),
      broken: (reason) => document.shutdown(CLOSE_CODE.internalError, reason),
    });
    return document;
  }

  /** The live document; the server writes through {@link change}. */
  get doc(): Y.Doc {
    return this.durable.doc;
  }

  /** True once it shut down (storage failure, unload, deletion): nothing more is written. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Calls `listener` once this document shuts down. */
  whenClosed(listener: () => void): void {
    if (this.closed) listener();
    else this.closedListeners.push(listener);
  }

  /** The server's own write (a reveal clearing moved drafts), stored before the owner's sockets receive it. */
  change(fn: (doc: Y.Doc) => void): Promise<void> {
    return this.durable.change(fn);
  }

  /** Welcomes one of the owner's private sockets with the server's state vector. */
  add(conn: Connection): void {
    this.connections.add(conn);
    conn.send(syncStep1Frame(Y.encodeStateVector(this.durable.doc)));
  }

  remove(conn: Connection): void {
    this.connections.delete(conn);
  }

  /** Handles one binary frame from one of the owner's private sockets. */
  receive(conn: Connection, data: Uint8Array): void {
    const rebuilding = this.durable.rebuilding;
    if (rebuilding) {
      if (this.waiting.push({ conn, data }) === 1) void rebuilding.finally(() => this.replayWaiting());
      return;
    }
    let message: IncomingMessage;
    try {
      message = decodeFrame(data);
    } catch (error) {
      const reason = error instanceof FrameError ? error.message : 'undecodable';
      this.context.logger.warn({ reason, document: 'private' }, 'bad frame, closing socket');
      conn.close(CLOSE_CODE.badFrame, 'bad frame');
      return;
    }
    switch (message.kind) {
      case 'sync-step1':
        this.receiveStep1(conn, message.stateVector);
        return;
      case 'sync-step2':
      case 'sync-update':
        this.applyUpdate(conn, message.update);
        return;
      case 'awareness':
      case 'query-awareness':
        // Nobody else is on a private document: there is no presence to share or ask for.
        return;
    }
  }

  private receiveStep1(conn: Connection, vector: Uint8Array): void {
    try {
      Y.decodeStateVector(vector);
    } catch {
      conn.close(CLOSE_CODE.badFrame, 'bad state vector');
      return;
    }
    const stateVector = vector.slice();
    conn.step1Answers.run(() => {
      // Answered once this tick's updates are stored: nothing unstored leaves the server.
      this.durable.flush().then(
        () => {
          if (!conn.open || this.closed) return;
          const frame = syncStep2Frame(Y.encodeStateAsUpdate(this.durable.doc, stateVector));
          conn.step1Answers.charge(frame.length);
          conn.send(frame);
        },
        () => conn.close(CLOSE_CODE.internalError, 'sync failed'),
      );
    });
  }

  private applyUpdate(conn: Connection, update: Uint8Array): void {
    const verdict = judgeUpdate(conn.session, update, {
      doc: this.durable.doc,
      ownerOf: (clientId) => this.durable.ownerOf(clientId),
      limits: this.context.limits,
      size: { storedBytes: this.durable.bytes, measure: (slack) => this.durable.measure(slack) },
      visited: (count) => conn.charge(count * BYTES_PER_VISITED_STRUCT),
      authorize: (sender: Identity, changes: readonly Change[], doc: Y.Doc) => this.context.authorize(sender, changes, doc, this.context.shared()),
    });
    const log = { role: conn.session.role, document: 'private' };
    switch (verdict.kind) {
      case 'resync':
        conn.resync.run(() => {
          if (conn.open && !this.closed) conn.send(syncStep1Frame(Y.encodeStateVector(this.durable.doc)));
        });
        return;
      case 'refuse':
        this.context.logger.warn({ ...verdict.log, ...log }, 'private update refused, closing socket');
        conn.close(verdict.code, verdict.code === CLOSE_CODE.forbidden ? 'forbidden' : 'update refused');
        return;
      case 'hold':
        // Only new canvas records are held, and a private document has none: refuse what cannot be.
        conn.close(CLOSE_CODE.forbidden, 'forbidden');
        return;
      case 'apply':
        for (const client of verdict.clients) this.durable.claim(client, verdict.owner);
        try {
          this.durable.apply(update, conn);
        } catch (error) {
          // Only the error's name: messages of decoding errors can quote draft text.
          this.context.logger.warn({ errorName: error instanceof Error ? error.name : typeof error, ...log }, 'private update failed to apply');
          conn.close(CLOSE_CODE.badUpdate, 'update refused');
        }
    }
  }

  /** Relays a stored tick's updates to the owner's other private sockets. */
  private relay(items: StoredUpdate[]): void {
    for (const item of items) {
      const frame = updateFrame(item.update);
      for (const conn of this.connections) if (conn !== item.from) conn.send(frame);
    }
  }

  private replayWaiting(): void {
    for (const { conn, data } of this.waiting.splice(0)) if (conn.open) this.receive(conn, data);
  }

  /** Stores what is pending and writes a snapshot (before the room unloads). */
  persist(): Promise<void> {
    return this.durable.persist();
  }

  /** Closes the owner's private sockets; nothing more is stored or relayed. */
  shutdown(code: CloseCode, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    for (const conn of this.connections) conn.close(code, reason);
    this.connections.clear();
    this.durable.close();
    for (const listener of this.closedListeners.splice(0)) listener();
  }

  destroy(): void {
    this.durable.destroy();
  }
}
