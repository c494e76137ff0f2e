/** States of a {@link RoomSocket}, numbered as the WebSocket standard numbers them. */
export const SOCKET_STATE = {
  connecting: 0,
  open: 1,
  closing: 2,
  closed: 3,
} as const;

/** A state of a {@link RoomSocket}. */
export type SocketState = (typeof SOCKET_STATE)[keyof typeof SOCKET_STATE];

/** What a {@link RoomSocket} reports to the room side. */
export interface RoomSocketListener {
  /** One whole frame; `isBinary` is false for a text frame. */
  message(data: Uint8Array, isBinary: boolean): void;
  /** The socket is closed for good (after a close handshake, a termination or a failure). */
  close(code: number): void;
  /** The peer answered a {@link RoomSocket.ping}. */
  pong(): void;
  /** A transport error; a close follows. */
  error(error: Error): void;
}

/**
 * The little of a WebSocket that rooms use. The server adapts `ws` to it ({@link WsRoomSocket});
 * tests put an in-memory pair behind it, so every room rule runs without a process.
 */
export interface RoomSocket {
  readonly readyState: SocketState;
  /** Bytes queued for sending that the peer has not taken yet. */
  readonly bufferedAmount: number;
  send(frame: Uint8Array): void;
  /** Starts the close handshake with a code and a short reason. */
  close(code: number, reason: string): void;
  /** Drops the connection at once, without a handshake. */
  terminate(): void;
  ping(): void;
  /** Stops reading: the peer's frames wait in the transport, in order, until {@link resume}. */
  pause(): void;
  resume(): void;
  /** Sets the one listener of this socket's events. */
  listen(listener: RoomSocketListener): void;
}
