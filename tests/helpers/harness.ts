import pino, { type Logger } from 'pino';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { GROUP_STYLES, type Group } from '../../shared/domain/groups';
import { recordsOf } from '../../shared/schema';
import { decodeFrame } from '../../shared/protocol/frame';
import { awarenessFrame, syncStep1Frame, syncStep2Frame, updateFrame } from '../../shared/protocol/outgoing';
import { authenticate, hashToken, newId, newJoinCode, newToken, type Session } from '../../server/auth';
import { MemorySocket } from '../../server/rooms/MemorySocket';
import { RoomRegistry, type RegistryTiming } from '../../server/rooms/RoomRegistry';
import { SOCKET_STATE } from '../../server/rooms/RoomSocket';
import { defaultSessionLimits, type SessionLimits } from '../../server/rooms/sessionLimits';
import { MemoryStorage } from '../../server/storage/MemoryStorage';
import { DEFAULT_MAX_FRAME_BYTES } from '../../shared/protocol/limits';
import { baseRecords, note } from '../unit/storeFixtures';
import { eventually, type EventuallyOptions } from './eventually';

/**
 * Rooms in this process, on memory: a {@link RoomRegistry} over {@link MemoryStorage}, with
 * clients that speak the y-websocket protocol over in-memory sockets. Every room rule can be
 * a test of milliseconds, with the same Room and Connection the server runs.
 */
export interface Harness {
  storage: MemoryStorage;
  registry: RoomRegistry;
  /** Every log line, as pino wrote it (JSON). */
  logs: string[];
  /** Log lines with this message (and workshop id, when given). */
  logged(message: string, workshopId?: string): number;
  /** A stored workshop with its facilitator's and projector's sessions. */
  createWorkshop(title?: string): Promise<HarnessWorkshop>;
  /** A participant who joined `workshop` in `group`. */
  join(workshop: HarnessWorkshop, group: Group, name?: string): Promise<Session>;
  /**
   * Connects a client as `session` (to its private document with `privateDocument`); throws
   * when the person already holds the most sockets.
   */
  connect(session: Session, options?: HarnessConnectOptions): HarnessClient;
  /** Like {@link connect}, but null where the server would answer the upgrade with 429. */
  tryConnect(session: Session, options?: HarnessConnectOptions): HarnessClient | null;
  /** Drops every client and shuts the registry down. */
  close(): Promise<void>;
}

/** Which document a harness client opens: the shared one (default) or its person's private one. */
export interface HarnessConnectOptions {
  privateDocument?: boolean;
}

/** A workshop made by {@link Harness.createWorkshop}. */
export interface HarnessWorkshop {
  id: string;
  joinCode: string;
  facilitator: Session;
  projector: Session;
}

/** Options of {@link createHarness}; anything left out is the server's default. */
export interface HarnessOptions {
  /** Storage to run on (e.g. one whose writes wait); a fresh MemoryStorage otherwise. */
  storage?: MemoryStorage;
  maxFrameBytes?: number;
  timing?: Partial<RegistryTiming>;
  limits?: Partial<SessionLimits>;
}

/** Starts a harness; call `close()` after the test. */
export function createHarness(options: HarnessOptions = {}): Harness {
  const storage = options.storage ?? new MemoryStorage();
  const logs: string[] = [];
  const logger: Logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(line) });
  const maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  const registry = new RoomRegistry(
    storage,
    logger,
    maxFrameBytes,
    { pingIntervalMs: 30_000, unloadGraceMs: 50, ...options.timing },
    { ...defaultSessionLimits(maxFrameBytes), ...options.limits },
  );
  const clients: HarnessClient[] = [];

  async function sessionOf(token: string): Promise<Session> {
    const session = await authenticate(storage, token);
    if (!session) throw new Error('the harness stored a token it cannot read back');
    return session;
  }

  const harness: Harness = {
    storage,
    registry,
    logs,
    logged: (message, workshopId) =>
      logs.filter((line) => line.includes(`"msg":"${message}"`) && (!workshopId || line.includes(workshopId))).length,
    async createWorkshop(title = 'Harness workshop') {
      const id = newId();
      const facilitatorToken = newToken();
      const projectorToken = newToken();
      const joinCode = newJoinCode();
      await storage.createWorkshop(
        { id, title, language: 'da', template: 'blank', createdAt: new Date().toISOString(), joinCode },
        [
          { hash: hashToken(facilitatorToken), workshopId: id, role: 'facilitator', participantId: null },
          { hash: hashToken(projectorToken), workshopId: id, role: 'projector', participantId: null },
        ],
      );
      return { id, joinCode, facilitator: await sessionOf(facilitatorToken), projector: await sessionOf(projectorToken) };
    },
    async join(workshop, group, name) {
      const id = newId();
      const token = newToken();
      await storage.addParticipant(
        { id, workshopId: workshop.id, name: name ?? null, group, createdAt: new Date().toISOString() },
        { hash: hashToken(token), workshopId: workshop.id, role: 'participant', participantId: id },
      );
      return sessionOf(token);
    },
    connect(session, options) {
      const client = harness.tryConnect(session, options);
      if (!client) throw new Error(`${session.role} holds the most sockets allowed`);
      return client;
    },
    tryConnect(session, options = {}) {
      const lease = registry.admit(session);
      if (!lease) return null;
      const socket = new MemorySocket();
      const client = new HarnessClient(socket, session);
      clients.push(client);
      registry.connect(socket, lease, options);
      client.start();
      return client;
    },
    async close() {
      for (const client of clients.splice(0)) client.destroy();
      await registry.shutdown();
    },
  };
  return harness;
}

/**
 * A client on an in-memory socket, speaking as the stock provider does: it asks with sync
 * step 1 on connect, answers the server's step 1, sends every local change as an update and
 * its presence when it changes (it does not echo others' presence). It keeps every frame it
 * received and how its socket closed.
 */
export class HarnessClient {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  /** Every frame the server sent, in order. */
  readonly received: Uint8Array[] = [];
  /** The close code and reason the server gave, once closed. */
  closeCode: number | null = null;
  closeReason: string | null = null;
  /** Set once the server's answer to this client's sync step 1 arrived. */
  synced = false;

  constructor(
    readonly socket: MemorySocket,
    readonly session: Session,
  ) {
    socket.clientListen({
      message: (data) => this.receive(data),
      closed: (code, reason) => {
        this.closeCode = code;
        this.closeReason = reason;
      },
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.send(updateFrame(update));
    });
    this.awareness.on('update', (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (origin !== 'local') return;
      const changed = [...changes.added, ...changes.updated, ...changes.removed];
      this.send(awarenessFrame(encodeAwarenessUpdate(this.awareness, changed)));
    });
  }

  /** True while the socket is open. */
  get open(): boolean {
    return this.socket.readyState === SOCKET_STATE.open;
  }

  /** True while the server does not read this client (its person is over their budget). */
  get paused(): boolean {
    return this.socket.paused;
  }

  /** Sends the first sync step 1, as a provider does once connected. */
  start(): void {
    this.send(syncStep1Frame(Y.encodeStateVector(this.doc)));
  }

  /** Sends a raw frame. */
  send(frame: Uint8Array): void {
    this.socket.clientSend(frame);
  }

  /** Waits until the server's state has arrived. */
  waitSynced(options?: EventuallyOptions): Promise<void> {
    return eventually(() => {
      if (!this.synced) throw new Error(`${this.session.role} not synced yet`);
    }, options);
  }

  /** Waits until the socket is closed and gives the server's close code. */
  waitClosed(options?: EventuallyOptions): Promise<number> {
    return eventually(() => {
      if (this.closeCode === null) throw new Error(`${this.session.role} still connected`);
      return this.closeCode;
    }, options);
  }

  /** Stops (or starts again) reading what the server sends, as a client on a slow link. */
  stallReading(stalled: boolean): void {
    this.socket.clientStall(stalled);
  }

  /** Closes with a handshake (a closed tab). */
  close(): void {
    this.socket.clientClose(1000, '');
  }

  /** Ends the client and its document; the socket closes if it was open. */
  destroy(): void {
    // The awareness says goodbye (its state becomes null) before the socket closes, as a provider's does.
    this.awareness.destroy();
    if (this.open) this.socket.clientClose(1000, '');
    this.doc.destroy();
  }

  private receive(data: Uint8Array): void {
    this.received.push(data);
    const message = decodeFrame(data);
    switch (message.kind) {
      case 'sync-step1':
        this.send(syncStep2Frame(Y.encodeStateAsUpdate(this.doc, message.stateVector)));
        return;
      case 'sync-step2':
        Y.applyUpdate(this.doc, message.update, this);
        this.synced = true;
        return;
      case 'sync-update':
        Y.applyUpdate(this.doc, message.update, this);
        return;
      case 'awareness':
        applyAwarenessUpdate(this.awareness, message.update, this);
        return;
      case 'query-awareness':
        return;
    }
  }
}

/** Writes a tldraw record into a document as the board's binding does: a Y.Map of its fields. */
export function writeRecord<T extends { id: string }>(doc: Y.Doc, record: T): void {
  doc.transact(() => {
    const fields = new Y.Map<unknown>();
    recordsOf(doc).set(record.id, fields);
    for (const [key, value] of Object.entries(record)) fields.set(key, value);
  });
}

/** Writes the records every board starts with (its document and first page); only a facilitator may. */
export function writeBoard(doc: Y.Doc): void {
  doc.transact(() => {
    for (const record of baseRecords()) writeRecord(doc, record);
  });
}

/** A note on the board's first page by `session`, in its group's colour, as the note tool makes it. */
export function noteBy(session: Session, text: string): ReturnType<typeof note> {
  const record = note(undefined, text);
  const color = session.group ? GROUP_STYLES[session.group].canvasColor : record.props.color;
  return {
    ...record,
    meta: { group: session.group, participantId: session.participantId, gatheringId: null },
    props: { ...record.props, color },
  };
}
