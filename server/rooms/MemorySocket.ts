import { SOCKET_STATE, type RoomSocket, type RoomSocketListener, type SocketState } from './RoomSocket';

/** Close code of a connection dropped without a handshake (as browsers report it). */
const ABNORMAL_CLOSE = 1006;

type Item =
  | { kind: 'frame'; data: Uint8Array; isBinary: boolean }
  | { kind: 'close'; code: number; reason: string }
  | { kind: 'pong' };

/** What the client end of a {@link MemorySocket} hears. */
export interface MemoryPeer {
  message(data: Uint8Array): void;
  /** The connection is closed for good, with the code the other side gave. */
  closed(code: number, reason: string): void;
}

/**
 * Both ends of a WebSocket in one process: the server end is a {@link RoomSocket}, the client
 * end is the `client*` methods. Frames travel in order and asynchronously (as on a network),
 * a paused server end holds the client's frames until resumed, and a client that stops reading
 * leaves the server's frames queued in {@link bufferedAmount}.
 */
export class MemorySocket implements RoomSocket {
  readyState: SocketState = SOCKET_STATE.open;
  bufferedAmount = 0;
  /** Whether the client end answers pings by itself. */
  autoPong = true;
  private listener: RoomSocketListener | null = null;
  private peer: MemoryPeer | null = null;
  private serverPaused = false;
  private clientStalled = false;
  private readonly toServer: Item[] = [];
  private readonly toClient: Item[] = [];
  private pumping = false;

  /** True while the server end does not read. */
  get paused(): boolean {
    return this.serverPaused;
  }

  // The server end.

  send(frame: Uint8Array): void {
    if (this.readyState !== SOCKET_STATE.open) return;
    this.bufferedAmount += frame.length;
    this.toClient.push({ kind: 'frame', data: frame.slice(), isBinary: true });
    this.schedule();
  }

  close(code: number, reason: string): void {
    if (this.readyState !== SOCKET_STATE.open) return;
    this.readyState = SOCKET_STATE.closing;
    this.toClient.push({ kind: 'close', code, reason });
    this.schedule();
  }

  terminate(): void {
    this.finish(ABNORMAL_CLOSE, '');
  }

  ping(): void {
    if (!this.autoPong || this.readyState !== SOCKET_STATE.open) return;
    // The answer travels behind the client's frames, so a paused server end reads it late.
    this.toServer.push({ kind: 'pong' });
    this.schedule();
  }

  pause(): void {
    this.serverPaused = true;
  }

  resume(): void {
    this.serverPaused = false;
    this.schedule();
  }

  listen(listener: RoomSocketListener): void {
    this.listener = listener;
  }

  // The client end.

  /** Sets who hears the server's frames and the close. */
  clientListen(peer: MemoryPeer): void {
    this.peer = peer;
  }

  /** The client sends a frame (binary unless `isBinary` is false). */
  clientSend(data: Uint8Array, isBinary = true): void {
    if (this.readyState !== SOCKET_STATE.open) return;
    this.toServer.push({ kind: 'frame', data: data.slice(), isBinary });
    this.schedule();
  }

  /** The client closes with a handshake, after the frames it sent before. */
  clientClose(code = 1000, reason = ''): void {
    if (this.readyState !== SOCKET_STATE.open) return;
    this.readyState = SOCKET_STATE.closing;
    this.toServer.push({ kind: 'close', code, reason });
    this.schedule();
  }

  /** The client's network goes away: both ends see an abnormal close at once. */
  clientDrop(): void {
    this.finish(ABNORMAL_CLOSE, '');
  }

  /** The client stops (or starts again) reading what the server sends. */
  clientStall(stalled: boolean): void {
    this.clientStalled = stalled;
    this.schedule();
  }

  private schedule(): void {
    if (this.pumping) return;
    this.pumping = true;
    queueMicrotask(() => {
      this.pumping = false;
      this.pump();
    });
  }

  /** Delivers what may be delivered now; a pause or a stall taken meanwhile is respected at once. */
  private pump(): void {
    for (let item = this.nextToClient(); item; item = this.nextToClient()) {
      if (item.kind === 'close') return this.finish(item.code, item.reason);
      if (item.kind !== 'frame') continue;
      this.bufferedAmount -= item.data.length;
      this.peer?.message(item.data);
    }
    for (let item = this.nextToServer(); item; item = this.nextToServer()) {
      if (item.kind === 'close') return this.finish(item.code, item.reason);
      if (item.kind === 'pong') this.listener?.pong();
      else this.listener?.message(item.data, item.isBinary);
    }
  }

  private nextToClient(): Item | undefined {
    return this.clientStalled || this.readyState === SOCKET_STATE.closed ? undefined : this.toClient.shift();
  }

  private nextToServer(): Item | undefined {
    return this.serverPaused || this.readyState === SOCKET_STATE.closed ? undefined : this.toServer.shift();
  }

  private finish(code: number, reason: string): void {
    if (this.readyState === SOCKET_STATE.closed) return;
    this.readyState = SOCKET_STATE.closed;
    this.toClient.length = 0;
    this.toServer.length = 0;
    this.bufferedAmount = 0;
    // Both ends learn of the close after the current call, as they would from the network.
    queueMicrotask(() => {
      this.peer?.closed(code, reason);
      this.listener?.close(code);
    });
  }
}
