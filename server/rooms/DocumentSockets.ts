/** The sync path every document's sockets share: decode, wait out a rebuild, answer sync step 1, gate, apply, relay. */
import type { Logger } from 'pino';
import * as Y from 'yjs';
import { CLOSE_CODE, type CloseCode } from '../../shared/protocol/closeCodes';
import { decodeFrame, FrameError, type IncomingMessage } from '../../shared/protocol/frame';
import { gate } from '../../shared/protocol/gate';
import { syncStep1Frame, syncStep2Frame, updateFrame } from '../../shared/protocol/outgoing';
import type { Storage } from '../storage/Storage';
import type { Connection } from './Connection';
import type { DocumentLimits } from './DocumentLimits';
import { DurableDocument, type StoredUpdate } from './DurableDocument';
import { judgeUpdate, type GateContext, type Verdict } from './judgeUpdate';

/** What visiting one existing struct for a delete set is charged, in bytes of the sender's budget. */
const BYTES_PER_VISITED_STRUCT = 8;

/** A presence message, which only the shared room speaks. */
export type PresenceMessage = Extract<IncomingMessage, { kind: 'awareness' | 'query-awareness' }>;

/** The log lines of one kind of document (safe to log: never content). */
export interface SyncLog {
  badFrame(conn: Connection, reason: string): void;
  step1Failed(error: unknown): void;
  missingState(conn: Connection, reason: string): void;
  refused(conn: Connection, verdict: Extract<Verdict, { kind: 'refuse' }>): void;
  applyFailed(conn: Connection, error: unknown): void;
}

/** How one kind of document differs on the sync path its sockets share. */
export interface SyncTerms {
  logger: Logger;
  limits: DocumentLimits;
  log: SyncLog;
  /** The document's write rules: the shared document's (`authorize`) unless given. */
  authorize?: GateContext['authorize'];
  /** Takes a frame of a sender whose frames are held back; true when it did. */
  heldBack?(conn: Connection, data: Uint8Array): boolean;
  /** An allowed update over its sender's budget: held back for `ms`. */
  hold(conn: Connection, update: Uint8Array, ms: number): void;
  /** After an update was applied (stored and relayed at the end of the tick). */
  applied?(verdict: Extract<Verdict, { kind: 'apply' }>): void;
  /** Presence; ignored when not given. */
  presence?(conn: Connection, message: PresenceMessage): void;
  /** The durable document broke (storage failed): its owner shuts down. */
  broken(reason: string): void;
}

/**
 * The sync path a document's sockets share, over its {@link DurableDocument}: frame decoding,
 * the wait while the document rebuilds, answering sync step 1 once stored, the gate
 * (`judgeUpdate` with the document's write rules, then apply, refuse or ask for what is
 * missing) and the relay of stored updates to every socket but the sender.
 */
export class DocumentSockets {
  private readonly connections = new Set<Connection>();
  private readonly waiting: Array<{ conn: Connection; data: Uint8Array }> = [];
  private wholeFrame: { version: number; frame: Uint8Array } | null = null;
  private durable!: DurableDocument;
  private closed = false;

  private constructor(private readonly terms: SyncTerms) {}

  /** Loads the document stored under `storageId` and the sync path of its sockets. */
  static async load(storageId: string, storage: Storage, terms: SyncTerms): Promise<DocumentSockets> {
    const sockets = new DocumentSockets(terms);
    sockets.durable = await DurableDocument.load(storageId, storage, terms.logger, {
      stored: (items) => sockets.relay(items),
      broken: (reason) => terms.broken(reason),
    });
    return sockets;
  }

  get doc(): Y.Doc {
    return this.durable.doc;
  }

  /** The durable document under the sockets: the server's own writes, claims, storing. */
  get document(): DurableDocument {
    return this.durable;
  }

  /** True once shut down: nothing more is answered, stored or relayed. */
  get isClosed(): boolean {
    return this.closed;
  }

  get size(): number {
    return this.connections.size;
  }

  /** Sends one frame to every socket. */
  sendAll(frame: Uint8Array): void {
    for (const conn of this.connections) conn.send(frame);
  }

  /** Welcomes a socket with the server's state vector (sync step 1). */
  add(conn: Connection): void {
    this.connections.add(conn);
    conn.send(syncStep1Frame(Y.encodeStateVector(this.durable.doc)));
  }

  /** Forgets a socket; false when it was not here. */
  remove(conn: Connection): boolean {
    return this.connections.delete(conn);
  }

  /** Handles one binary frame from a socket of this document. */
  receive(conn: Connection, data: Uint8Array): void {
    if (this.terms.heldBack?.(conn, data)) return;
    const rebuilding = this.durable.rebuilding;
    if (rebuilding) {
      if (this.waiting.push({ conn, data }) === 1) void rebuilding.finally(() => this.replayWaiting());
      return;
    }
    let message: IncomingMessage;
    try {
      message = decodeFrame(data);
    } catch (error) {
      this.terms.log.badFrame(conn, error instanceof FrameError ? error.message : 'undecodable');
      conn.close(CLOSE_CODE.badFrame, 'bad frame');
      return;
    }
    if (gate(conn.session.role, message.kind) === 'ignore') return;
    this.dispatch(conn, message);
  }

  /** The one dispatch point of incoming messages. */
  private dispatch(conn: Connection, message: IncomingMessage): void {
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
        this.terms.presence?.(conn, message);
        return;
    }
  }

  private receiveStep1(conn: Connection, vector: Uint8Array): void {
    try {
      Y.decodeStateVector(vector); // bounded by the frame: lib0 refuses reads past the end
    } catch {
      conn.close(CLOSE_CODE.badFrame, 'bad state vector');
      return;
    }
    // Copied: the frame's buffer may be reused before a deferred answer runs.
    const stateVector = vector.slice();
    conn.step1Answers.run(() => {
      this.answerStep1(conn, stateVector).catch((error: unknown) => {
        this.terms.log.step1Failed(error);
        conn.close(CLOSE_CODE.internalError, 'sync failed');
      });
    });
  }

  /** Answers with what the client lacks, but only once it is stored (it may be this tick's). */
  private async answerStep1(conn: Connection, stateVector: Uint8Array): Promise<void> {
    await this.durable.flush();
    if (!conn.open || this.closed) return;
    const frame = Y.decodeStateVector(stateVector).size === 0
      ? this.wholeDocumentFrame()
      : syncStep2Frame(Y.encodeStateAsUpdate(this.durable.doc, stateVector));
    conn.step1Answers.charge(frame.length);
    conn.send(frame);
  }

  /**
   * The whole document as a sync step 2, encoded once per change of the document: when a
   * room of people opens the board together, they share one buffer instead of each holding
   * a copy of the document.
   */
  private wholeDocumentFrame(): Uint8Array {
    if (this.wholeFrame?.version !== this.durable.version) {
      this.wholeFrame = { version: this.durable.version, frame: syncStep2Frame(Y.encodeStateAsUpdate(this.durable.doc)) };
    }
    return this.wholeFrame.frame;
  }

  private applyUpdate(conn: Connection, update: Uint8Array): void {
    const verdict = judgeUpdate(conn.session, update, {
      doc: this.durable.doc,
      ownerOf: (clientId) => this.durable.ownerOf(clientId),
      limits: this.terms.limits,
      size: { storedBytes: this.durable.bytes, measure: (slack) => this.durable.measure(slack) },
      // A delete set that makes the server walk much of the document costs its sender as if it
      // had sent that many bytes, so repeating it is slowed like any other flood.
      visited: (count) => conn.charge(count * BYTES_PER_VISITED_STRUCT),
      authorize: this.terms.authorize,
    });
    switch (verdict.kind) {
      case 'resync':
        // Dropped (not applied, stored or relayed); the client's answer to our state vector
        // carries everything we lack, this update included, and it converges.
        this.terms.log.missingState(conn, verdict.reason);
        this.askForMissing(conn);
        return;
      case 'refuse':
        this.terms.log.refused(conn, verdict);
        conn.close(verdict.code, verdict.code === CLOSE_CODE.forbidden ? 'forbidden' : 'update refused');
        return;
      case 'hold':
        this.terms.hold(conn, update, verdict.ms);
        return;
      case 'apply':
        for (const client of verdict.clients) this.durable.claim(client, verdict.owner);
        try {
          this.durable.apply(update, conn);
        } catch (error) {
          this.terms.log.applyFailed(conn, error);
          conn.close(CLOSE_CODE.badUpdate, 'update refused');
          return;
        }
        this.terms.applied?.(verdict);
    }
  }

  private askForMissing(conn: Connection): void {
    conn.resync.run(() => {
      if (conn.open && !this.closed) conn.send(syncStep1Frame(Y.encodeStateVector(this.durable.doc)));
    });
  }

  /** Relays a stored tick's updates, each to every socket but the one that sent it. */
  private relay(items: StoredUpdate[]): void {
    for (const item of items) {
      const frame = updateFrame(item.update);
      for (const conn of this.connections) if (conn !== item.from) conn.send(frame);
    }
  }

  private replayWaiting(): void {
    for (const { conn, data } of this.waiting.splice(0)) if (conn.open) this.receive(conn, data);
  }

  /** Closes every socket; nothing more is stored or relayed. */
  shutdown(code: CloseCode, reason: string): void {
    this.closed = true;
    for (const conn of this.connections) conn.close(code, reason);
    this.connections.clear();
    this.durable.close();
  }

  /** Releases the document's memory after shutdown. */
  destroy(): void {
    this.durable.destroy();
  }
}

/** Only an error's name is logged: messages of JSON and decoding errors can quote note text. */
export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
