import WebSocket from 'ws';
import type { RoomSocket, RoomSocketListener, SocketState } from './RoomSocket';

/** A `ws` WebSocket as a {@link RoomSocket}. */
export class WsRoomSocket implements RoomSocket {
  constructor(private readonly socket: WebSocket) {}

  get readyState(): SocketState {
    return this.socket.readyState;
  }

  get bufferedAmount(): number {
    return this.socket.bufferedAmount;
  }

  send(frame: Uint8Array): void {
    this.socket.send(frame, { binary: true });
  }

  close(code: number, reason: string): void {
    this.socket.close(code, reason);
  }

  terminate(): void {
    this.socket.terminate();
  }

  ping(): void {
    this.socket.ping();
  }

  pause(): void {
    this.socket.pause();
  }

  resume(): void {
    this.socket.resume();
  }

  listen(listener: RoomSocketListener): void {
    this.socket.on('message', (data, isBinary) => listener.message(toBytes(data), isBinary));
    this.socket.on('close', (code) => listener.close(code));
    this.socket.on('pong', () => listener.pong());
    this.socket.on('error', (error) => listener.error(error));
  }
}

function toBytes(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
