/** The rooms of this process: sockets in, rooms loaded once, unloaded after a grace, stored at shutdown. */
import type { Logger } from 'pino';
import type * as Y from 'yjs';
import { CLOSE_CODE, type CloseCode } from '../../shared/protocol/closeCodes';
import type { Session } from '../auth';
import type { Storage } from '../storage/Storage';
import { Connection } from './Connection';
import { Room, type RoomLimits } from './Room';
import { settledRoom, type LiveState, type RoomPhase, type LoadingState, type RoomState, type UnloadingState } from './RoomStates';
import type { RoomSocket } from './RoomSocket';
import { SessionBudgets, type SessionLease } from './SessionBudgets';
import { defaultSessionLimits, type SessionLimits } from './sessionLimits';

export type { RoomPhase } from './RoomStates';

/** Timing of the registry, and the limits of its rooms (see Config for the defaults). */
export interface RegistryTiming extends Partial<RoomLimits> {
  pingIntervalMs: number;
  unloadGraceMs: number;
}

/** A socket of a workshop, in a room or waiting for one. */
interface Member {
  conn: Connection;
  /** A socket of its person's private document rather than of the shared one. */
  privateDocument: boolean;
  room: Room | null;
  /** Frames read before the room was there, handed to it in order. */
  early: Uint8Array[];
}

/** A workshop with sockets or a room in this process: one state, and its sockets. */
interface Workshop {
  id: string;
  state: RoomState;
  members: Set<Member>;
}

/**
 * The rooms of this process. Each workshop has one state: loading (its first sockets wait
 * for one shared load), live, or unloading (after its last socket left and a grace period,
 * while its last changes are stored). Sockets of one person share one budget.
 */
export class RoomRegistry {
  private readonly workshops = new Map<string, Workshop>();
  private readonly budgets: SessionBudgets;
  private readonly pinger: NodeJS.Timeout;
  private stopping = false;

  constructor(
    private readonly storage: Storage,
    private readonly logger: Logger,
    private readonly maxFrameBytes: number,
    private readonly timing: RegistryTiming,
    limits: SessionLimits = defaultSessionLimits(maxFrameBytes),
  ) {
    this.budgets = new SessionBudgets(limits);
    this.pinger = setInterval(() => this.pingAll(), timing.pingIntervalMs);
    this.pinger.unref();
  }

  /**
   * A place for one more socket of `session`, or null when its person already holds the most
   * sockets allowed. Given back when the socket closes.
   */
  admit(session: Session): SessionLease | null {
    return this.budgets.admit(session);
  }

  /** Where the workshop's room stands; undefined when it has none in this process. */
  phaseOf(workshopId: string): RoomPhase | undefined {
    return this.workshops.get(workshopId)?.state.phase;
  }

  /**
   * Takes an authenticated socket, admitted with {@link admit}, into its workshop's room: the
   * shared document, or (`privateDocument`) its participant's own private one.
   */
  connect(socket: RoomSocket, lease: SessionLease, options: { privateDocument?: boolean } = {}): void {
    const conn = new Connection(socket, lease);
    const workshopId = lease.session.workshopId;
    if (this.stopping) {
      socket.listen({ message: () => undefined, close: () => conn.dispose(), pong: () => undefined, error: () => undefined });
      conn.close(CLOSE_CODE.goingAway, 'server shutting down');
      return;
    }
    const joined = this.workshops.get(workshopId) ?? this.open(workshopId);
    const member: Member = { conn, privateDocument: options.privateDocument === true, room: null, early: [] };
    joined.members.add(member);
    const log = this.logger.child({ workshopId });
    socket.listen({
      message: (data, isBinary) => this.read(member, data, isBinary),
      close: () => this.leave(joined, member),
      pong: () => {
        conn.alive = true;
      },
      error: (error) => log.warn({ err: error }, 'socket error'),
    });
    const state = joined.state;
    if (state.phase === 'live' && !state.room.isClosed) {
      if (state.unloadTimer) clearTimeout(state.unloadTimer);
      state.unloadTimer = null;
      this.join(state.room, member);
    } else if (state.phase === 'live') {
      // A room that shut down after a storage failure is replaced by a fresh load.
      this.startLoad(joined);
    }
    // Loading or unloading: the socket joins once the room is live.
  }

  /**
   * The server's own write to a workshop's document (a join, a reveal, an import): its room
   * is loaded if it is not live, and the change takes the same store-before-relay path as a
   * client's. Resolves once it is stored and relayed.
   */
  change(workshopId: string, fn: (doc: Y.Doc) => void): Promise<void> {
    return this.use(workshopId, (room) => room.change(fn));
  }

  /**
   * Runs `fn` on the workshop's live room (loaded if it is not), for the server's own work on
   * its documents, shared and private (a reveal). An idle room unloads only after its grace.
   */
  async use<T>(workshopId: string, fn: (room: Room) => Promise<T>): Promise<T> {
    // A room may be loading or unloading when asked; each wait ends in another phase.
    for (let attempt = 0; attempt < 5; attempt++) {
      if (this.stopping) throw new Error('the server is stopping');
      const workshop = this.workshops.get(workshopId) ?? this.open(workshopId);
      const state = workshop.state;
      if (state.phase === 'loading') await state.load.catch(() => undefined);
      else if (state.phase === 'unloading') await state.done;
      else if (state.room.isClosed) this.startLoad(workshop);
      else return this.busyWith(workshop, state, fn);
    }
    throw new Error('the workshop’s room could not be loaded');
  }

  private async busyWith<T>(workshop: Workshop, state: LiveState, fn: (room: Room) => Promise<T>): Promise<T> {
    if (state.unloadTimer) clearTimeout(state.unloadTimer);
    state.unloadTimer = null;
    state.busy += 1;
    try {
      return await fn(state.room);
    } finally {
      state.busy -= 1;
      if (this.workshops.get(workshop.id) === workshop && workshop.state === state) this.unloadWhenIdle(workshop, state);
    }
  }

  /** Closes a deleted workshop's sockets and forgets its room without storing anything more. */
  async closeWorkshop(workshopId: string): Promise<void> {
    const workshop = this.workshops.get(workshopId);
    if (!workshop) return;
    this.workshops.delete(workshopId);
    this.closeAll(workshop, CLOSE_CODE.workshopDeleted, 'workshop deleted');
    const room = await settledRoom(workshop.state);
    room?.shutdown(CLOSE_CODE.workshopDeleted, 'workshop deleted');
    room?.destroy();
  }

  /** Stores every room and closes every socket (graceful shutdown). */
  async shutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.pinger);
    const workshops = [...this.workshops.values()];
    this.workshops.clear();
    await Promise.all(
      workshops.map(async (workshop) => {
        const room = await settledRoom(workshop.state);
        if (room) {
          await room.persist().catch((error: unknown) => this.logger.error({ err: error, workshopId: workshop.id }, 'could not store room at shutdown'));
          room.shutdown(CLOSE_CODE.goingAway, 'server shutting down');
          room.destroy();
        }
        this.closeAll(workshop, CLOSE_CODE.goingAway, 'server shutting down');
      }),
    );
    this.budgets.clear();
  }

  /** A workshop new to this process, its room loading. */
  private open(workshopId: string): Workshop {
    const state = this.loading(workshopId);
    const workshop: Workshop = { id: workshopId, state, members: new Set() };
    this.workshops.set(workshopId, workshop);
    this.settle(workshop, state);
    return workshop;
  }

  private loading(workshopId: string): LoadingState {
    return { phase: 'loading', load: Room.load(workshopId, this.storage, this.logger, this.timing) };
  }

  private startLoad(workshop: Workshop): void {
    const state = this.loading(workshop.id);
    workshop.state = state;
    this.settle(workshop, state);
  }

  /** Makes a loaded room live and seats its waiting sockets, unless the workshop moved on meanwhile. */
  private settle(workshop: Workshop, state: LoadingState): void {
    // A workshop deleted or stopped while loading: whoever ended it shuts the room down.
    const current = (): boolean => this.workshops.get(workshop.id) === workshop && workshop.state === state;
    state.load.then(
      (room) => {
        if (!current()) return;
        this.logger.info({ workshopId: workshop.id }, 'room loaded');
        const live: LiveState = { phase: 'live', room, unloadTimer: null, busy: 0 };
        workshop.state = live;
        for (const member of workshop.members) if (!member.room) this.join(room, member);
        this.unloadWhenIdle(workshop, live);
      },
      (error: unknown) => {
        if (!current()) return;
        this.logger.error({ err: error, workshopId: workshop.id }, 'could not load the room');
        this.workshops.delete(workshop.id);
        this.closeAll(workshop, CLOSE_CODE.internalError, 'could not load');
      },
    );
  }

  private join(room: Room, member: Member): void {
    if (!member.conn.open) return;
    member.room = room;
    if (member.privateDocument) room.privates.add(member.conn);
    else room.add(member.conn);
    for (const bytes of member.early.splice(0)) if (member.conn.open) deliver(member, room, bytes);
  }

  private read(member: Member, data: Uint8Array, isBinary: boolean): void {
    const { conn } = member;
    // Frames that arrive after we decided to close (e.g. behind a bad one) are not read.
    if (!conn.open) return;
    if (!isBinary) return conn.close(CLOSE_CODE.badFrame, 'text frames are not spoken here');
    if (data.length > this.maxFrameBytes) return conn.close(CLOSE_CODE.tooLarge, 'frame too large');
    conn.charge(data.length);
    if (member.room) deliver(member, member.room, data);
    else member.early.push(data);
  }

  private leave(workshop: Workshop, member: Member): void {
    member.conn.dispose();
    workshop.members.delete(member);
    if (member.privateDocument) member.room?.privates.remove(member.conn);
    else member.room?.remove(member.conn);
    // A late close of a deleted workshop, or of a room already replaced, changes nothing.
    if (this.workshops.get(workshop.id) !== workshop || workshop.state.phase !== 'live') return;
    const state = workshop.state;
    if (!state.room.isClosed) this.unloadWhenIdle(workshop, state);
    else if (workshop.members.size === 0) {
      this.workshops.delete(workshop.id);
      state.room.destroy();
    }
  }

  private unloadWhenIdle(workshop: Workshop, state: LiveState): void {
    if (state.unloadTimer || workshop.members.size > 0 || state.busy > 0) return;
    state.unloadTimer = setTimeout(() => {
      state.unloadTimer = null;
      if (workshop.state === state && workshop.members.size === 0 && state.busy === 0) this.unload(workshop, state.room);
    }, this.timing.unloadGraceMs);
    state.unloadTimer.unref();
  }

  private unload(workshop: Workshop, room: Room): void {
    const state: UnloadingState = {
      phase: 'unloading',
      room,
      done: room
        .persist()
        .catch((error: unknown) => this.logger.error({ err: error, workshopId: room.workshopId }, 'could not store room on unload'))
        .finally(() => {
          room.shutdown(CLOSE_CODE.goingAway, 'room unloaded');
          room.destroy();
          this.logger.info({ workshopId: room.workshopId }, 'room unloaded');
          if (this.workshops.get(workshop.id) !== workshop || workshop.state !== state) return;
          // Sockets that arrived while it was storing get a fresh load.
          if (workshop.members.size > 0) this.startLoad(workshop);
          else this.workshops.delete(workshop.id);
        }),
    };
    workshop.state = state;
  }

  private closeAll(workshop: Workshop, code: CloseCode, reason: string): void {
    for (const { conn } of workshop.members) conn.close(code, reason);
  }

  private pingAll(): void {
    for (const workshop of this.workshops.values()) for (const { conn } of workshop.members) conn.ping();
  }
}

/** Hands a frame to the document its socket speaks for. */
function deliver(member: Member, room: Room, data: Uint8Array): void {
  if (member.privateDocument) room.privates.receive(member.conn, data);
  else room.receive(member.conn, data);
}
