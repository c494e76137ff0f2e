import type { Logger } from 'pino';
import * as Y from 'yjs';
import { identityKey } from '../../shared/domain/identity';
import { isLanguage } from '../../shared/domain/languages';
import { workshopOf } from '../../shared/schema';
import { awarenessFrame, syncStep1Frame, syncStep2Frame, updateFrame } from '../../shared/protocol/outgoing';
import { CLOSE_CODE, type CloseCode } from '../../shared/protocol/closeCodes';
import { decodeFrame, FrameError, type IncomingMessage } from '../../shared/protocol/frame';
import { gate } from '../../shared/protocol/gate';
import type { Storage } from '../storage/Storage';
import type { Connection } from './Connection';
import { DurableDocument, type StoredUpdate } from './DurableDocument';
import { DocumentLimits, type RoomLimits } from './DocumentLimits';
import { Presence, PresenceError } from './Presence';
import { PresenceTicker } from './PresenceTicker';
import { PrivateDocuments } from './PrivateDocuments';
import { privateLimitsOf, PRIVATE_RULES } from './privateLimits';
import { judgeUpdate } from './judgeUpdate';
import { forgettingExpired, keepingDeleted } from './trash';

export type { RoomLimits } from './DocumentLimits';

/** What visiting one existing struct for a delete set is charged, in bytes of the sender's budget. */
const BYTES_PER_VISITED_STRUCT = 8;

/**
 * One workshop's live room: the gate every update passes, the one dispatch point of incoming
 * messages, and the relay. The document's durability (store before relay, compaction,
 * rebuild) lives in {@link DurableDocument}.
 *
 * The gate: frame → decode (bounded) → structural check → Yjs client ids owned by the sender
 * → changesOf → authorize (schema write rules, canvas rules, tldraw validation) → limits →
 * apply → store (one transaction per tick) → relay. A refused update is not applied, stored
 * or relayed, and its socket is closed with 4403.
 */
export class Room {
  private readonly connections = new Set<Connection>();
  private presence = new Presence();
  private readonly presenceTicker = new PresenceTicker(() => {
    const changes = this.presence.takeChanges();
    if (!changes) return false;
    const frame = awarenessFrame(changes); // encoded once for everyone
    for (const conn of this.connections) conn.send(frame);
    return true;
  });
  private readonly waiting: Array<{ conn: Connection; data: Uint8Array }> = [];
  private wholeFrame: { version: number; frame: Uint8Array } | null = null;
  /** Frames of sockets whose person is over their budget of new records, in order. */
  private readonly held = new Map<Connection, Uint8Array[]>();
  private readonly limits: DocumentLimits;
  private durable!: DurableDocument;
  private privateDocuments!: PrivateDocuments;
  /** Set once the room is deleted, unloaded or broken: nothing more is written. */
  private closed = false;

  private constructor(
    readonly workshopId: string,
    private readonly logger: Logger,
    limits: Partial<RoomLimits>,
  ) {
    this.limits = new DocumentLimits(limits);
  }

  /** Loads a workshop's document from storage. */
  static async load(workshopId: string, storage: Storage, logger: Logger, limits: Partial<RoomLimits> = {}): Promise<Room> {
    const room = new Room(workshopId, logger.child({ workshopId }), limits);
    room.durable = await DurableDocument.load(workshopId, storage, room.logger, {
      stored: (items) => room.relay(items),
      broken: (reason) => room.shutdown(CLOSE_CODE.internalError, reason),
    });
    // Anonymous participants are shown by their group's name in the workshop's language.
    const language = workshopOf(room.durable.doc).get('language');
    room.presence = new Presence({ language: isLanguage(language) ? language : undefined });
    room.privateDocuments = new PrivateDocuments(workshopId, {
      storage,
      logger: room.logger,
      limits: new DocumentLimits(privateLimitsOf(limits)),
      shared: () => room.durable.doc,
      authorize: PRIVATE_RULES,
    });
    room.serverWrite(forgettingExpired(room.durable.doc, Date.now()), 'could not forget old trash');
    return room;
  }

  /** The live document; read-only for callers (the server writes through {@link change}). */
  get doc(): Y.Doc {
    return this.durable.doc;
  }

  /**
   * The server's own write: `fn` runs in one transaction, and its update is stored before any
   * client receives it, as a client's would be. Resolves once stored and relayed.
   */
  change(fn: (doc: Y.Doc) => void): Promise<void> {
    return this.durable.change(fn);
  }

  /** The participants' private documents, which live and unload with this room. */
  get privates(): PrivateDocuments {
    return this.privateDocuments;
  }

  /** True once the room has shut down; the registry loads a fresh one for new sockets. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Number of open connections. */
  get size(): number {
    return this.connections.size;
  }

  /** Welcomes a socket: the server's state vector (sync step 1) and who is present. */
  add(conn: Connection): void {
    this.connections.add(conn);
    conn.send(syncStep1Frame(Y.encodeStateVector(this.durable.doc)));
    const present = this.presence.current();
    if (present) conn.send(awarenessFrame(present));
  }

  /** Forgets a socket and tells everyone its cursors are gone. */
  remove(conn: Connection): void {
    this.held.delete(conn);
    if (!this.connections.delete(conn)) return;
    if (this.presence.removeOwner(conn)) this.presenceTicker.schedule();
  }

  /** Handles one binary frame from a socket of this room. */
  receive(conn: Connection, data: Uint8Array): void {
    const held = this.held.get(conn);
    if (held) {
      held.push(data);
      return;
    }
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
      this.logger.warn({ reason, role: conn.session.role }, 'bad frame, closing socket');
      conn.close(CLOSE_CODE.badFrame, 'bad frame');
      return;
    }
    if (gate(conn.session.role, message.kind) === 'ignore') return;
    this.dispatch(conn, message);
  }

  /** The one dispatch point of incoming messages. */
  private dispatch(conn: Connection, message: IncomingMessage): void {
    switch (message.kind) {
      case 'sync-step1': {
        try {
          Y.decodeStateVector(message.stateVector); // bounded by the frame: lib0 refuses reads past the end
        } catch {
          conn.close(CLOSE_CODE.badFrame, 'bad state vector');
          return;
        }
        // Copied: the frame's buffer may be reused before a deferred answer runs.
        const stateVector = message.stateVector.slice();
        conn.step1Answers.run(() => {
          this.answerStep1(conn, stateVector).catch((error: unknown) => {
            this.logger.error({ errorName: errorName(error) }, 'could not answer sync step 1');
            conn.close(CLOSE_CODE.internalError, 'sync failed');
          });
        });
        return;
      }
      case 'sync-step2':
      case 'sync-update':
        this.applyUpdate(conn, message.update);
        return;
      case 'awareness':
        this.receivePresence(conn, message.update);
        return;
      case 'query-awareness':
        conn.presenceAnswers.run(() => {
          const present = this.presence.current();
          if (!present || !conn.open) return;
          const frame = awarenessFrame(present);
          conn.presenceAnswers.charge(frame.length);
          conn.send(frame);
        });
        return;
    }
  }

  /** Answers with what the client lacks, but only once it is stored (it may be this tick's). */
  private async answerStep1(conn: Connection, stateVector: Uint8Array): Promise<void> {
    await this.flush();
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
      limits: this.limits,
      size: { storedBytes: this.durable.bytes, measure: (slack) => this.durable.measure(slack) },
      // A delete set that makes the server walk much of the document costs its sender as if it
      // had sent that many bytes, so repeating it is slowed like any other flood.
      visited: (count) => conn.charge(count * BYTES_PER_VISITED_STRUCT),
    });
    switch (verdict.kind) {
      case 'resync':
        // Dropped (not applied, stored or relayed); the client's answer to our state vector
        // carries everything we lack, this update included, and it converges.
        this.logger.debug({ reason: verdict.reason, role: conn.session.role }, 'update ahead of the document, asking for what is missing');
        this.askForMissing(conn);
        return;
      case 'refuse':
        if (verdict.code === CLOSE_CODE.forbidden) {
          this.logger.warn({ ...verdict.log, role: conn.session.role }, 'update forbidden, closing socket');
          conn.close(verdict.code, 'forbidden');
        } else {
          this.logger.warn({ ...verdict.log, role: conn.session.role }, 'update refused, closing socket');
          conn.close(verdict.code, 'update refused');
        }
        return;
      case 'hold':
        this.hold(conn, updateFrame(update), verdict.ms);
        return;
      case 'apply':
        for (const client of verdict.clients) this.durable.claim(client, verdict.owner);
        try {
          this.durable.apply(update, conn);
        } catch (error) {
          // Only the error's name: messages of JSON and decoding errors can quote note text.
          this.logger.warn({ errorName: errorName(error), role: conn.session.role }, 'update failed to apply, closing socket');
          conn.close(CLOSE_CODE.badUpdate, 'update refused');
          return;
        }
        if (verdict.deletedNotes.length > 0) {
          this.serverWrite(keepingDeleted(this.durable.doc, verdict.deletedNotes, Date.now()), 'could not keep deleted notes');
        }
    }
  }

  /** A write of the server's own (stored and relayed after what came before it), if there is one. */
  private serverWrite(write: ((doc: Y.Doc) => void) | null, failure: string): void {
    if (!write) return;
    this.change(write).catch((error: unknown) => this.logger.error({ errorName: errorName(error) }, failure));
  }

  private askForMissing(conn: Connection): void {
    conn.resync.run(() => {
      if (conn.open && !this.closed) conn.send(syncStep1Frame(Y.encodeStateVector(this.durable.doc)));
    });
  }

  private receivePresence(conn: Connection, update: Uint8Array): void {
    try {
      if (this.presence.receive(conn, update)) this.presenceTicker.schedule();
      // A client id seen in someone's presence is theirs: nobody else may write under it, even
      // before its owner's first edit (written offline) reaches the server.
      const owner = identityKey(conn.session);
      for (const clientId of conn.awarenessIds) this.durable.claim(clientId, owner);
    } catch (error) {
      const reason = error instanceof PresenceError ? error.message : 'undecodable awareness';
      this.logger.warn({ reason }, 'bad awareness, closing socket');
      conn.close(CLOSE_CODE.badUpdate, 'bad awareness');
    }
  }

  /** Relays a stored tick's updates, each to every socket but the one that sent it. */
  private relay(items: StoredUpdate[]): void {
    for (const item of items) {
      const frame = updateFrame(item.update);
      for (const conn of this.connections) if (conn !== item.from) conn.send(frame);
    }
  }

  /**
   * Holds a socket's update (and whatever it sends after it, in order) until its person's
   * budget allows it, and stops reading the socket meanwhile: a person adding notes faster
   * than the limit is slowed, never cut off.
   */
  private hold(conn: Connection, frame: Uint8Array, ms: number): void {
    this.held.set(conn, [frame]);
    conn.holdFor(ms);
    const timer = setTimeout(() => {
      const frames = this.held.get(conn) ?? [];
      this.held.delete(conn);
      for (const data of frames) if (conn.open && !this.closed) this.receive(conn, data);
    }, Math.ceil(ms));
    timer.unref();
  }

  private replayWaiting(): void {
    for (const { conn, data } of this.waiting.splice(0)) if (conn.open) this.receive(conn, data);
  }

  /** Stores this tick's updates, then relays them. Resolves when done. */
  flush(): Promise<void> {
    return this.durable.flush();
  }

  /** Merges the stored log into one snapshot. */
  compact(): Promise<void> {
    return this.durable.compact();
  }

  /** Stores what is pending and writes a snapshot; used before unloading and at shutdown. */
  async persist(): Promise<void> {
    await Promise.all([this.durable.persist(), this.privates.persist()]);
  }

  /** Closes every socket; nothing more is stored or relayed. */
  shutdown(code: CloseCode, reason: string): void {
    this.closed = true;
    this.presenceTicker.stop();
    for (const conn of this.connections) conn.close(code, reason);
    this.connections.clear();
    this.durable.close();
    this.privates.shutdown(code, reason);
  }

  /** Releases the documents' memory after shutdown. */
  destroy(): void {
    this.durable.destroy();
    this.privates.destroy();
  }
}


function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
