/** One workshop's live room: the shared document's sockets, plus presence, held frames, the trash and private documents. */
import type { Logger } from 'pino';
import type * as Y from 'yjs';
import { identityKey } from '../../shared/domain/identity';
import { isLanguage } from '../../shared/domain/languages';
import { workshopOf } from '../../shared/schema';
import { awarenessFrame, updateFrame } from '../../shared/protocol/outgoing';
import { CLOSE_CODE, type CloseCode } from '../../shared/protocol/closeCodes';
import type { Storage } from '../storage/Storage';
import type { Connection } from './Connection';
import { DocumentLimits, type RoomLimits } from './DocumentLimits';
import { DocumentSockets, errorName, type PresenceMessage, type SyncLog } from './DocumentSockets';
import { Presence, PresenceError } from './Presence';
import { PresenceTicker } from './PresenceTicker';
import { PrivateDocuments } from './PrivateDocuments';
import { privateLimitsOf, PRIVATE_RULES } from './privateLimits';
import { forgettingExpired, keepingDeleted } from './trash';

export type { RoomLimits } from './DocumentLimits';

/**
 * One workshop's live room: the shared document's sockets (their sync path, gate and relay
 * are {@link DocumentSockets}'), with what only the shared room has: presence, the held
 * frames of people over their budget of new records, the trash, and the participants'
 * private documents, which live and unload with it.
 *
 * The gate: frame → decode (bounded) → structural check → Yjs client ids owned by the sender
 * → changesOf → authorize (schema write rules, canvas rules, tldraw validation) → limits →
 * apply → store (one transaction per tick) → relay. A refused update is not applied, stored
 * or relayed, and its socket is closed with 4403.
 */
export class Room {
  private presence = new Presence();
  private readonly presenceTicker = new PresenceTicker(() => {
    const changes = this.presence.takeChanges();
    if (!changes) return false;
    this.sockets.sendAll(awarenessFrame(changes)); // encoded once for everyone
    return true;
  });
  /** Frames of sockets whose person is over their budget of new records, in order. */
  private readonly held = new Map<Connection, Uint8Array[]>();
  private sockets!: DocumentSockets;
  private privateDocuments!: PrivateDocuments;

  private constructor(
    readonly workshopId: string,
    private readonly logger: Logger,
  ) {}

  /** Loads a workshop's document from storage. */
  static async load(workshopId: string, storage: Storage, logger: Logger, limits: Partial<RoomLimits> = {}): Promise<Room> {
    const room = new Room(workshopId, logger.child({ workshopId }));
    room.sockets = await DocumentSockets.load(workshopId, storage, {
      logger: room.logger,
      limits: new DocumentLimits(limits),
      log: sharedLog(room.logger),
      heldBack: (conn, data) => room.heldBack(conn, data),
      hold: (conn, update, ms) => room.hold(conn, updateFrame(update), ms),
      applied: (verdict) => {
        if (verdict.deletedNotes.length > 0) {
          room.serverWrite(keepingDeleted(room.doc, verdict.deletedNotes, Date.now()), 'could not keep deleted notes');
        }
      },
      presence: (conn, message) => room.receivePresence(conn, message),
      broken: (reason) => room.shutdown(CLOSE_CODE.internalError, reason),
    });
    // Anonymous participants are shown by their group's name in the workshop's language.
    const language = workshopOf(room.doc).get('language');
    room.presence = new Presence({ language: isLanguage(language) ? language : undefined });
    room.privateDocuments = new PrivateDocuments(workshopId, {
      storage,
      logger: room.logger,
      limits: new DocumentLimits(privateLimitsOf(limits)),
      shared: () => room.doc,
      authorize: PRIVATE_RULES,
    });
    room.serverWrite(forgettingExpired(room.doc, Date.now()), 'could not forget old trash');
    return room;
  }

  /** The live document; read-only for callers (the server writes through {@link change}). */
  get doc(): Y.Doc {
    return this.sockets.doc;
  }

  /**
   * The server's own write: `fn` runs in one transaction, and its update is stored before any
   * client receives it, as a client's would be. Resolves once stored and relayed.
   */
  change(fn: (doc: Y.Doc) => void): Promise<void> {
    return this.sockets.document.change(fn);
  }

  /** The participants' private documents, which live and unload with this room. */
  get privates(): PrivateDocuments {
    return this.privateDocuments;
  }

  /** True once the room has shut down; the registry loads a fresh one for new sockets. */
  get isClosed(): boolean {
    return this.sockets.isClosed;
  }

  /** Number of open connections. */
  get size(): number {
    return this.sockets.size;
  }

  /** Welcomes a socket: the server's state vector (sync step 1) and who is present. */
  add(conn: Connection): void {
    this.sockets.add(conn);
    const present = this.presence.current();
    if (present) conn.send(awarenessFrame(present));
  }

  /** Forgets a socket and tells everyone its cursors are gone. */
  remove(conn: Connection): void {
    this.held.delete(conn);
    if (!this.sockets.remove(conn)) return;
    if (this.presence.removeOwner(conn)) this.presenceTicker.schedule();
  }

  /** Handles one binary frame from a socket of this room. */
  receive(conn: Connection, data: Uint8Array): void {
    this.sockets.receive(conn, data);
  }

  /** A write of the server's own (stored and relayed after what came before it), if there is one. */
  private serverWrite(write: ((doc: Y.Doc) => void) | null, failure: string): void {
    if (!write) return;
    this.change(write).catch((error: unknown) => this.logger.error({ errorName: errorName(error) }, failure));
  }

  private receivePresence(conn: Connection, message: PresenceMessage): void {
    if (message.kind === 'query-awareness') {
      conn.presenceAnswers.run(() => {
        const present = this.presence.current();
        if (!present || !conn.open) return;
        const frame = awarenessFrame(present);
        conn.presenceAnswers.charge(frame.length);
        conn.send(frame);
      });
      return;
    }
    try {
      if (this.presence.receive(conn, message.update)) this.presenceTicker.schedule();
      // A client id seen in someone's presence is theirs: nobody else may write under it, even
      // before its owner's first edit (written offline) reaches the server.
      const owner = identityKey(conn.session);
      for (const clientId of conn.awarenessIds) this.sockets.document.claim(clientId, owner);
    } catch (error) {
      const reason = error instanceof PresenceError ? error.message : 'undecodable awareness';
      this.logger.warn({ reason }, 'bad awareness, closing socket');
      conn.close(CLOSE_CODE.badUpdate, 'bad awareness');
    }
  }

  /** Takes a frame behind the held ones of its socket, if it has any. */
  private heldBack(conn: Connection, data: Uint8Array): boolean {
    const held = this.held.get(conn);
    if (held) held.push(data);
    return held !== undefined;
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
      for (const data of frames) if (conn.open && !this.isClosed) this.receive(conn, data);
    }, Math.ceil(ms));
    timer.unref();
  }

  /** Stores this tick's updates, then relays them. Resolves when done. */
  flush(): Promise<void> {
    return this.sockets.document.flush();
  }

  /** Merges the stored log into one snapshot. */
  compact(): Promise<void> {
    return this.sockets.document.compact();
  }

  /** Stores what is pending and writes a snapshot; used before unloading and at shutdown. */
  async persist(): Promise<void> {
    await Promise.all([this.sockets.document.persist(), this.privates.persist()]);
  }

  /** Closes every socket; nothing more is stored or relayed. */
  shutdown(code: CloseCode, reason: string): void {
    this.presenceTicker.stop();
    this.sockets.shutdown(code, reason);
    this.privates.shutdown(code, reason);
  }

  /** Releases the documents' memory after shutdown. */
  destroy(): void {
    this.sockets.destroy();
    this.privates.destroy();
  }
}

/** The shared room's log lines: the sender's role, never content. */
function sharedLog(logger: Logger): SyncLog {
  return {
    badFrame: (conn, reason) => logger.warn({ reason, role: conn.session.role }, 'bad frame, closing socket'),
    step1Failed: (error) => logger.error({ errorName: errorName(error) }, 'could not answer sync step 1'),
    missingState: (conn, reason) => logger.debug({ reason, role: conn.session.role }, 'update ahead of the document, asking for what is missing'),
    refused: (conn, verdict) => {
      const forbidden = verdict.code === CLOSE_CODE.forbidden;
      logger.warn({ ...verdict.log, role: conn.session.role }, forbidden ? 'update forbidden, closing socket' : 'update refused, closing socket');
    },
    applyFailed: (conn, error) => logger.warn({ errorName: errorName(error), role: conn.session.role }, 'update failed to apply, closing socket'),
  };
}
