/** A live Y.Doc that stores each tick's updates before they are relayed, compacts and rebuilds. */
import type { Logger } from 'pino';
import * as Y from 'yjs';
import type { ClientOwners, Storage, StoredDocument } from '../storage/Storage';
import { hasPending } from '../../shared/validate/yUpdate';

/**
 * Log rows after which the document's log is compacted into a snapshot (in the background),
 * whatever their size: a long log makes the next load slow.
 */
export const COMPACT_AFTER_UPDATES = 5_000;

/**
 * Log bytes that always justify a compaction. Above it the log is compacted once it has grown
 * as large as the snapshot, so encoding and storing the document (which holds the event loop
 * for a time proportional to its size) costs a fixed share of what was written, however large
 * the document is, and the stored log is never more than the document again.
 */
export const COMPACT_AFTER_MIN_BYTES = 256 * 1024;

/** The transaction origin of the server's own writes (`room.change`). */
export const SERVER_ORIGIN = Symbol('server');

/** An update the document emitted, with whoever sent it (it already has it), if anyone. */
export interface StoredUpdate {
  update: Uint8Array;
  from: unknown;
}

/** What a durable document tells its owner. */
export interface DurableEvents {
  /** This tick's updates are stored: now, and only now, they may be relayed. */
  stored(items: StoredUpdate[]): void;
  /** Storage failed or the document could not be rebuilt: nothing more can be written. */
  broken(reason: string): void;
}

/**
 * A workshop's Y.Doc and its durability: every transaction's update is collected, stored once
 * per tick in one transaction, and only then handed on; the log is compacted in the
 * background; a document damaged by a failed update is rebuilt from storage. It also keeps
 * which person owns each Yjs client id, stored with the updates that first used it.
 */
export class DurableDocument {
  private current: Y.Doc;
  private batch: StoredUpdate[] = [];
  private flushScheduled = false;
  private flushChain: Promise<void> = Promise.resolve();
  private lastSeq = 0;
  private logLength = 0;
  private compacting = false;
  private closed = false;
  /** Bytes the stored document takes: the snapshot and the log since (as stored). */
  private storedBytes = 0;
  /** Client ids claimed since the last append; stored with the next one. */
  private newOwners: ClientOwners = new Map();
  /** Bytes of the log rows since the last snapshot. */
  private logBytes = 0;
  /** Bytes of this tick's updates, applied but not stored yet. */
  private pendingBytes = 0;
  /** Bytes of every update applied since the document was loaded. */
  private writtenBytes = 0;
  /** The last measure of the document's size, and {@link writtenBytes} when it was taken. */
  private measured = { bytes: 0, writtenBytes: -1 };
  /** Counts the document's changes, so answers encoded from it can be reused until it changes. */
  private changeCount = 0;
  /** Set while the document is rebuilt from storage after a failed update. */
  rebuilding: Promise<void> | null = null;

  private constructor(
    private readonly workshopId: string,
    private readonly storage: Storage,
    private readonly logger: Logger,
    private readonly events: DurableEvents,
    stored: StoredDocument,
    private readonly owners: ClientOwners,
  ) {
    this.current = this.buildDoc(stored);
  }

  /** Loads a workshop's document and its client-id owners from storage. */
  static async load(
    workshopId: string,
    storage: Storage,
    logger: Logger,
    events: DurableEvents,
  ): Promise<DurableDocument> {
    const [stored, owners] = await Promise.all([storage.loadUpdates(workshopId), storage.loadClientOwners(workshopId)]);
    return new DurableDocument(workshopId, storage, logger, events, stored, owners);
  }

  /** The live document (replaced by a rebuild: read it anew each time). */
  get doc(): Y.Doc {
    return this.current;
  }

  /** Size of the document as stored, with what this tick will store, in bytes. */
  get bytes(): number {
    return this.storedBytes + this.pendingBytes;
  }

  /** Who owns a Yjs client id (an identity key), or undefined when nobody wrote with it yet. */
  ownerOf(clientId: number): string | undefined {
    return this.owners.get(clientId) ?? this.newOwners.get(clientId);
  }

  /** Gives a client id to a person; stored with the next update. */
  claim(clientId: number, owner: string): void {
    if (this.ownerOf(clientId) === undefined) this.newOwners.set(clientId, owner);
  }

  /**
   * Applies an update that passed the gate. Throws when Yjs could not integrate it; the
   * document is then rebuilt from storage and this tick's other updates are kept.
   */
  apply(update: Uint8Array, from: unknown): void {
    const before = this.batch.length;
    try {
      Y.applyUpdate(this.current, update, from);
      if (hasPending(this.current)) throw new Error('update left pending structs');
    } catch (error) {
      // The doc may hold part of the update: drop what it emitted and rebuild from storage.
      for (const item of this.batch.splice(before)) this.pendingBytes -= item.update.length;
      this.rebuild();
      throw error;
    }
  }

  /**
   * The server's own write: `fn` runs in one transaction on the live document, and its update
   * takes the same path as a client's (stored before anyone receives it). Resolves once stored
   * and relayed; rejects when it could not be stored (then nobody received it).
   */
  change(fn: (doc: Y.Doc) => void): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the document is closed'));
    this.claim(this.current.clientID, 'server');
    this.current.transact(() => fn(this.current), SERVER_ORIGIN);
    return this.flush().then(() => {
      // Closed by a storage failure during this flush: the change reached nobody.
      if (this.closed) throw new Error('the change could not be stored');
    });
  }

  /** Changes whenever the document does (a rebuild included). */
  get version(): number {
    return this.changeCount;
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.changeCount++;
    this.pendingBytes += update.length;
    this.writtenBytes += update.length;
    this.batch.push({ update, from: origin });
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => void this.flush());
    }
  };

  /** Stores this tick's updates in one transaction, then hands them on. Resolves when done. */
  flush(): Promise<void> {
    this.flushScheduled = false;
    this.flushChain = this.flushChain.then(() => this.writeAndHandOn());
    return this.flushChain;
  }

  private async writeAndHandOn(): Promise<void> {
    const items = this.batch;
    this.batch = [];
    this.pendingBytes = 0;
    if (items.length === 0 || this.closed) return;
    const owners = this.newOwners;
    this.newOwners = new Map();
    try {
      const result = await this.storage.appendUpdates(this.workshopId, items.map((i) => i.update), owners);
      for (const [clientId, owner] of owners) this.owners.set(clientId, owner);
      this.lastSeq = result.lastSeq;
      // Counted here rather than asked of storage: a count on every flush is work on the hot path.
      this.logLength += items.length;
      for (const item of items) {
        this.storedBytes += item.update.length;
        this.logBytes += item.update.length;
      }
    } catch (error) {
      // Not stored means not relayed; clients reconnect and resync from what is stored.
      this.logger.error({ err: error }, 'could not store updates');
      this.close();
      this.events.broken('storage failure');
      return;
    }
    this.events.stored(items);
    if (this.shouldCompact()) this.scheduleCompaction();
  }

  private shouldCompact(): boolean {
    if (this.logLength >= COMPACT_AFTER_UPDATES) return true;
    const snapshotBytes = this.storedBytes - this.logBytes;
    return this.logBytes >= Math.max(COMPACT_AFTER_MIN_BYTES, snapshotBytes);
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
    await this.storeSnapshot(Y.encodeStateAsUpdate(this.current), this.lastSeq);
  }

  /**
   * The document's size as it would be stored now, at most `slack` bytes over. The stored size
   * also counts what later changes replaced (retyped text) until the next compaction, so a
   * limit is judged on this measure instead. Measuring encodes the document, a pass over all
   * of it, so it is done again only once `slack` more bytes were written since.
   */
  measure(slack: number): number {
    const writtenSince = this.writtenBytes - this.measured.writtenBytes;
    if (this.measured.writtenBytes >= 0 && writtenSince < slack) return this.measured.bytes + writtenSince;
    const bytes = Y.encodeStateAsUpdate(this.current).length;
    this.measured = { bytes, writtenBytes: this.writtenBytes };
    return bytes;
  }

  private async storeSnapshot(snapshot: Uint8Array, throughSeq: number): Promise<void> {
    try {
      await this.storage.compact(this.workshopId, snapshot, throughSeq);
      // Rows stored while the snapshot was written stay in the log; they are counted again next time.
      this.logLength = 0;
      this.logBytes = 0;
      this.storedBytes = snapshot.length;
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
      this.current.off('update', this.onDocUpdate);
      this.current.destroy();
      this.current = this.buildDoc(stored);
    })()
      .catch((error: unknown) => {
        this.logger.error({ err: error }, 'could not rebuild the document');
        this.close();
        this.events.broken('rebuild failure');
      })
      .finally(() => {
        this.rebuilding = null;
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
    this.storedBytes = stored.updates.reduce((sum, update) => sum + update.length, 0);
    this.logBytes = this.storedBytes;
    this.measured = { bytes: 0, writtenBytes: -1 };
    this.changeCount++;
    return doc;
  }

  /** Stores what is pending and writes a snapshot; used before unloading and at shutdown. */
  async persist(): Promise<void> {
    await this.flush();
    if (this.logLength > 1) await this.compact();
  }

  /** Stops storing: nothing more is written. */
  close(): void {
    this.closed = true;
    this.current.off('update', this.onDocUpdate);
  }

  /** Releases the document's memory after close. */
  destroy(): void {
    this.current.destroy();
  }
}
