import type { Logger } from 'pino';
import * as Y from 'yjs';
import { awarenessFrame, syncStep1Frame, syncStep2Frame, updateFrame } from '../../shared/protocol/outgoing';
import { CLOSE_CODE, type CloseCode } from '../../shared/protocol/closeCodes';
import { decodeFrame, FrameError, type IncomingMessage } from '../../shared/protocol/frame';
import { gate } from '../../shared/protocol/gate';
import { checkUpdate, hasPending, isMissingState } from '../../shared/validate/yUpdate';
import type { Storage, StoredDocument } from '../storage/Storage';
import type { Connection } from './Connection';
import { Presence, PresenceError } from './Presence';
import { PresenceTicker } from './PresenceTicker';

/** Log rows after which the room compacts its log into a snapshot (in the background). */
export const COMPACT_AFTER_UPDATES = 500;

interface PendingUpdate {
  update: Uint8Array;
  /** The socket it came from (it already has it), or null. */
  from: Connection | null;
}

/**
 * One workshop's live document. Accepted updates are appended to storage once per tick,
 * in one transaction, and only then relayed: nobody sees what a crash could lose.
 */
export class Room {
  private doc: Y.Doc;
  private readonly connections = new Set<Connection>();
  private readonly presence = new Presence();
  private batch: PendingUpdate[] = [];
  private flushScheduled = false;
  private flushChain: Promise<void> = Promise.resolve();
  private readonly presenceTicker = new PresenceTicker(() => {
    const changes = this.presence.takeChanges();
    if (!changes) return false;
    const frame = awarenessFrame(changes); // encoded once for everyone
    for (const conn of this.connections) conn.send(frame);
    return true;
  });
  private lastSeq = 0;
  private logLength = 0;
  private compacting = false;
  /** Set while the document is rebuilt from storage after a failed update; messages wait. */
  private rebuilding: Promise<void> | null = null;
  private readonly waiting: Array<{ conn: Connection; data: Uint8Array }> = [];
  /** Set once the room is deleted, unloaded or broken: nothing more is written. */
  private closed = false;

  private constructor(
    readonly workshopId: string,
    private readonly storage: Storage,
    private readonly logger: Logger,
    stored: StoredDocument,
  ) {
    this.doc = this.buildDoc(stored);
  }

  /** Loads a workshop's document from storage. */
  static async load(workshopId: string, storage: Storage, logger: Logger): Promise<Room> {
    const stored = await storage.loadUpdates(workshopId);
    return new Room(workshopId, storage, logger.child({ workshopId }), stored);
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
    conn.send(syncStep1Frame(Y.encodeStateVector(this.doc)));
    const present = this.presence.current();
    if (present) conn.send(awarenessFrame(present));
  }

  /** Forgets a socket and tells everyone its cursors are gone. */
  remove(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    if (this.presence.removeOwner(conn)) this.presenceTicker.schedule();
  }

  /** Handles one binary frame from a socket of this room. */
  receive(conn: Connection, data: Uint8Array): void {
    if (this.rebuilding) {
      this.waiting.push({ conn, data });
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
    const frame = syncStep2Frame(Y.encodeStateAsUpdate(this.doc, stateVector));
    conn.step1Answers.charge(frame.length);
    conn.send(frame);
  }

  private applyUpdate(conn: Connection, update: Uint8Array): void {
    const rejection = checkUpdate(this.doc, update);
    if (rejection && isMissingState(rejection)) {
      // Dropped (not applied, stored or relayed); the client's answer to our state vector
      // carries everything we lack, this update included, and it converges.
      this.logger.debug({ reason: rejection, role: conn.session.role }, 'update ahead of the document, asking for what is missing');
      this.askForMissing(conn);
      return;
    }
    if (rejection) {
      this.logger.warn({ reason: rejection, role: conn.session.role }, 'update refused, closing socket');
      conn.close(CLOSE_CODE.badUpdate, 'update refused');
      return;
    }
    const before = this.batch.length;
    try {
      Y.applyUpdate(this.doc, update, conn);
      if (hasPending(this.doc)) throw new Error('update left pending structs');
    } catch (error) {
      // The doc may hold part of the update: drop what it emitted and rebuild from storage.
      this.batch.length = before;
      // Only the error's name: messages of JSON and decoding errors can quote note text.
      this.logger.warn({ errorName: errorName(error), role: conn.session.role }, 'update failed to apply, closing socket');
      conn.close(CLOSE_CODE.badUpdate, 'update refused');
      this.rebuild();
    }
  }

  private askForMissing(conn: Connection): void {
    conn.resync.run(() => {
      if (conn.open && !this.closed) conn.send(syncStep1Frame(Y.encodeStateVector(this.doc)));
    });
  }

  private receivePresence(conn: Connection, update: Uint8Array): void {
    try {
      if (this.presence.receive(conn, update)) this.presenceTicker.schedule();
    } catch (error) {
      const reason = error instanceof PresenceError ? error.message : 'undecodable awareness';
      this.logger.warn({ reason }, 'bad awareness, closing socket');
      conn.close(CLOSE_CODE.badUpdate, 'bad awareness');
    }
  }

  /** Collects what each transaction changed (deduplicated by Yjs) for the next flush. */
  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.batch.push({ update, from: isConnection(origin, this.connections) ? origin : null });
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => void this.flush());
    }
  };

  /** Stores this tick's updates in one transaction, then relays them. Resolves when done. */
  flush(): Promise<void> {
    this.flushScheduled = false;
    this.flushChain = this.flushChain.then(() => this.writeAndRelay());
    return this.flushChain;
  }

  private async writeAndRelay(): Promise<void> {
    const items = this.batch;
    this.batch = [];
    if (items.length === 0 || this.closed) return;
    try {
      const result = await this.storage.appendUpdates(this.workshopId, items.map((i) => i.update));
      this.lastSeq = result.lastSeq;
      // Counted here rather than asked of storage: a count on every flush is work on the hot path.
      this.logLength += items.length;
    } catch (error) {
      // Not stored means not relayed; clients reconnect and resync from what is stored.
      this.logger.error({ err: error }, 'could not store updates; closing the room');
      this.shutdown(CLOSE_CODE.internalError, 'storage failure');
      return;
    }
    for (const item of items) {
      const frame = updateFrame(item.update);
      for (const conn of this.connections) if (conn !== item.from) conn.send(frame);
    }
    if (this.logLength >= COMPACT_AFTER_UPDATES) this.scheduleCompaction();
  }

  private scheduleCompaction(): void {
    if (this.compacting) return;
    this.compacting = true;
    setImmediate(() => {
      void this.compact().finally(() => {
        this.compacting = false;
      });
    });
  }

  /** Merges the stored log into one snapshot (the doc holds at least everything stored). */
  async compact(): Promise<void> {
    if (this.closed || this.lastSeq === 0) return;
    try {
      await this.storage.compact(this.workshopId, Y.encodeStateAsUpdate(this.doc), this.lastSeq);
      this.logLength = 0;
    } catch (error) {
      this.logger.error({ err: error }, 'compaction failed');
    }
  }

  /** Replaces a possibly damaged document with the stored one plus this tick's good updates. */
  private rebuild(): void {
    if (this.rebuilding) return;
    this.rebuilding = (async () => {
      await this.flush();
      const stored = await this.storage.loadUpdates(this.workshopId);
      this.doc.off('update', this.onDocUpdate);
      this.doc.destroy();
      this.doc = this.buildDoc(stored);
    })()
      .catch((error: unknown) => {
        this.logger.error({ err: error }, 'could not rebuild the document; closing the room');
        this.shutdown(CLOSE_CODE.internalError, 'rebuild failure');
      })
      .finally(() => {
        this.rebuilding = null;
        for (const { conn, data } of this.waiting.splice(0)) if (conn.open) this.receive(conn, data);
      });
  }

  private buildDoc(stored: StoredDocument): Y.Doc {
    // gc stays on (the default): deleted content is dropped from snapshots.
    const doc = new Y.Doc();
    for (const update of stored.updates) Y.applyUpdate(doc, update);
    doc.on('update', this.onDocUpdate);
    // A log left long by a crash is compacted at the next unload.
    this.lastSeq = stored.lastSeq;
    this.logLength = stored.logLength;
    return doc;
  }

  /** Stores what is pending and writes a snapshot; used before unloading and at shutdown. */
  async persist(): Promise<void> {
    await this.flush();
    if (this.logLength > 1) await this.compact();
  }

  /** Closes every socket; nothing more is stored or relayed. */
  shutdown(code: CloseCode, reason: string): void {
    this.closed = true;
    this.presenceTicker.stop();
    for (const conn of this.connections) conn.close(code, reason);
    this.connections.clear();
    this.doc.off('update', this.onDocUpdate);
  }

  /** Releases the document's memory after shutdown. */
  destroy(): void {
    this.doc.destroy();
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

function isConnection(origin: unknown, connections: Set<Connection>): origin is Connection {
  return connections.has(origin as Connection);
}
