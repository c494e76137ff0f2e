import type { Logger } from 'pino';
import type WebSocket from 'ws';
import { CLOSE_CODE } from '../../shared/protocol/closeCodes';
import type { Session } from '../auth';
import type { Storage } from '../storage/Storage';
import { Connection } from './Connection';
import { Room } from './Room';

/** Timing of the registry (see Config for the defaults). */
export interface RegistryTiming {
  pingIntervalMs: number;
  unloadGraceMs: number;
}

/**
 * The rooms of this process: each workshop's room is loaded once (concurrent first
 * connections share one load), and unloaded after its last socket left and it is stored.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>();
  /** The load that produced each room, so a room only ever removes its own map entry. */
  private readonly loadOf = new WeakMap<Room, Promise<Room>>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  private readonly connections = new Set<Connection>();
  private readonly pinger: NodeJS.Timeout;

  constructor(
    private readonly storage: Storage,
    private readonly logger: Logger,
    private readonly maxFrameBytes: number,
    private readonly timing: RegistryTiming,
  ) {
    this.pinger = setInterval(() => this.pingAll(), timing.pingIntervalMs);
    this.pinger.unref();
  }

  /** Takes an authenticated socket into its workshop's room. */
  connect(socket: WebSocket, session: Session): void {
    const conn = new Connection(socket, session, this.maxFrameBytes);
    const log = this.logger.child({ workshopId: session.workshopId });
    this.connections.add(conn);
    // Frames may arrive before the room is loaded; keep them in order until it is.
    const early: Uint8Array[] = [];
    let room: Room | null = null;

    socket.on('error', (error) => log.warn({ err: error }, 'socket error'));
    socket.on('pong', () => {
      conn.alive = true;
    });
    socket.on('message', (data, isBinary) => {
      // Frames that arrive after we decided to close (e.g. behind a bad one) are not read.
      if (!conn.open) return;
      const bytes = toBytes(data);
      if (!isBinary) return conn.close(CLOSE_CODE.badFrame, 'text frames are not spoken here');
      if (bytes.length > this.maxFrameBytes) return conn.close(CLOSE_CODE.tooLarge, 'frame too large');
      if (!conn.admit(bytes.length)) return conn.close(CLOSE_CODE.rateLimited, 'too many messages');
      if (room) room.receive(conn, bytes);
      else early.push(bytes);
    });
    socket.on('close', () => {
      conn.dispose();
      this.connections.delete(conn);
      if (room) this.leave(room, conn);
    });

    this.roomFor(session.workshopId)
      .then((loaded) => {
        if (!conn.open) return;
        room = loaded;
        this.cancelUnload(loaded.workshopId);
        loaded.add(conn);
        for (const bytes of early.splice(0)) if (conn.open) loaded.receive(conn, bytes);
      })
      .catch((error: unknown) => {
        log.error({ err: error }, 'could not load the room');
        conn.close(CLOSE_CODE.internalError, 'could not load');
      });
  }

  /** The loaded room of a workshop, loading it once. */
  private async roomFor(workshopId: string): Promise<Room> {
    const pending = this.unloading.get(workshopId);
    if (pending) await pending;
    let room = this.rooms.get(workshopId);
    // A room that shut down after a storage failure is replaced by a fresh load.
    if (room && (await room.catch(() => null))?.isClosed) {
      this.rooms.delete(workshopId);
      room = undefined;
    }
    if (!room) {
      const loading = Room.load(workshopId, this.storage, this.logger);
      room = loading;
      this.rooms.set(workshopId, loading);
      void loading.then((loaded) => this.loadOf.set(loaded, loading), () => undefined);
      void room.then(() => this.logger.info({ workshopId }, 'room loaded'), () => undefined);
      room.catch(() => this.rooms.delete(workshopId));
    }
    return room;
  }

  private leave(room: Room, conn: Connection): void {
    room.remove(conn);
    // A late close from a room that already shut down (e.g. after a storage failure) must not
    // start an unload: the workshop's timer and map entry belong to its new room now.
    if (room.isClosed || room.size > 0 || this.unloadTimers.has(room.workshopId)) return;
    const timer = setTimeout(() => {
      this.unloadTimers.delete(room.workshopId);
      if (room.size === 0) void this.unload(room);
    }, this.timing.unloadGraceMs);
    timer.unref();
    this.unloadTimers.set(room.workshopId, timer);
  }

  private cancelUnload(workshopId: string): void {
    const timer = this.unloadTimers.get(workshopId);
    if (timer) clearTimeout(timer);
    this.unloadTimers.delete(workshopId);
  }

  private unload(room: Room): Promise<void> {
    if (this.rooms.get(room.workshopId) === this.loadOf.get(room)) this.rooms.delete(room.workshopId);
    const done = room
      .persist()
      .catch((error: unknown) => this.logger.error({ err: error, workshopId: room.workshopId }, 'could not store room on unload'))
      .finally(() => {
        room.shutdown(CLOSE_CODE.goingAway, 'room unloaded');
        room.destroy();
        this.unloading.delete(room.workshopId);
        this.logger.info({ workshopId: room.workshopId }, 'room unloaded');
      });
    this.unloading.set(room.workshopId, done);
    return done;
  }

  /** Closes a deleted workshop's sockets and forgets its room without storing anything more. */
  async closeWorkshop(workshopId: string): Promise<void> {
    this.cancelUnload(workshopId);
    const room = await this.rooms.get(workshopId)?.catch(() => undefined);
    this.rooms.delete(workshopId);
    await this.unloading.get(workshopId);
    if (room) {
      room.shutdown(CLOSE_CODE.workshopDeleted, 'workshop deleted');
      room.destroy();
    }
    // Sockets still waiting for the room to load belong to the workshop too.
    for (const conn of this.connections) {
      if (conn.session.workshopId === workshopId) conn.close(CLOSE_CODE.workshopDeleted, 'workshop deleted');
    }
  }

  /** Stores every room and closes every socket (graceful shutdown). */
  async shutdown(): Promise<void> {
    clearInterval(this.pinger);
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    const rooms = await Promise.all([...this.rooms.values()].map((r) => r.catch(() => null)));
    for (const room of rooms) {
      if (!room) continue;
      await room.persist().catch((error: unknown) => this.logger.error({ err: error }, 'could not store room at shutdown'));
      room.shutdown(CLOSE_CODE.goingAway, 'server shutting down');
    }
    await Promise.all(this.unloading.values());
    for (const conn of this.connections) conn.close(CLOSE_CODE.goingAway, 'server shutting down');
  }

  private pingAll(): void {
    for (const conn of this.connections) {
      if (!conn.alive) {
        conn.socket.terminate();
        continue;
      }
      conn.alive = false;
      try {
        conn.socket.ping();
      } catch {
        conn.socket.terminate();
      }
    }
  }
}

function toBytes(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
