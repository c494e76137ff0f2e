import { randomBytes } from 'node:crypto';
import net from 'node:net';

/**
 * A minimal WebSocket client over a raw TCP socket.
 *
 * Why not `ws`: in the cursor scenarios one load-generator thread receives hundreds of
 * thousands of frames a second from a reference server. `ws` costs an event and a Buffer per
 * frame; this parser walks each TCP read in place and hands out subarrays, so the load
 * generator stays cheaper than the servers it measures. It supports exactly what the
 * benchmark needs: binary frames, ping/pong, close, fragments. Client frames carry the zero
 * mask key, which leaves the payload unchanged and saves a copy (any key is valid per RFC 6455).
 */
export interface WireHandlers {
  onMessage(payload: Buffer): void;
  onClose(reason: string): void;
}

const OP_CONTINUATION = 0x0;
const OP_BINARY = 0x2;
const OP_CLOSE = 0x8;
const OP_PING = 0x9;

export class WireSocket {
  private readonly socket: net.Socket;
  private pending: Buffer | null = null;
  private fragments: Buffer[] = [];
  private upgraded = false;
  private closed = false;

  private constructor(socket: net.Socket, private readonly handlers: WireHandlers) {
    this.socket = socket;
  }

  /** Connects and completes the HTTP upgrade; rejects with the HTTP status line otherwise. */
  static connect(host: string, port: number, path: string, handlers: WireHandlers, timeoutMs: number): Promise<WireSocket> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host, port });
      socket.setNoDelay(true);
      const wire = new WireSocket(socket, handlers);
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`upgrade timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      let head = Buffer.alloc(0);
      const onHandshakeData = (chunk: Buffer): void => {
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        clearTimeout(timer);
        socket.off('data', onHandshakeData);
        const statusLine = head.subarray(0, head.indexOf('\r\n')).toString('latin1');
        if (!/^HTTP\/1\.1 101/.test(statusLine)) {
          socket.destroy();
          reject(new Error(`upgrade refused: ${statusLine}`));
          return;
        }
        wire.upgraded = true;
        socket.on('data', (data: Buffer) => wire.onData(data));
        resolve(wire);
        const rest = head.subarray(end + 4);
        if (rest.length > 0) wire.onData(rest);
      };
      socket.on('data', onHandshakeData);
      socket.on('error', (err) => {
        clearTimeout(timer);
        if (!wire.upgraded) reject(err);
        wire.finish(`error: ${err.message}`);
      });
      socket.on('close', () => wire.finish('socket closed'));
      socket.on('connect', () => {
        const key = randomBytes(16).toString('base64');
        socket.write(
          `GET ${path} HTTP/1.1\r\nHost: ${host}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
            `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
        );
      });
    });
  }

  get isOpen(): boolean {
    return this.upgraded && !this.closed;
  }

  /** Bytes queued in user space because the kernel buffer was full: a backpressure signal. */
  get bufferedBytes(): number {
    return this.socket.writableLength;
  }

  send(payload: Uint8Array): void {
    this.sendFrame(OP_BINARY, payload);
  }

  close(): void {
    if (this.closed) return;
    this.sendFrame(OP_CLOSE, Buffer.from([0x03, 0xe8]));
    this.socket.end();
    this.finish('closed by client');
  }

  private sendFrame(opcode: number, payload: Uint8Array): void {
    if (this.closed) return;
    const len = payload.length;
    const headerLen = (len < 126 ? 2 : len < 65536 ? 4 : 10) + 4;
    const frame = Buffer.allocUnsafe(headerLen + len);
    frame[0] = 0x80 | opcode;
    if (len < 126) {
      frame[1] = 0x80 | len;
    } else if (len < 65536) {
      frame[1] = 0x80 | 126;
      frame.writeUInt16BE(len, 2);
    } else {
      frame[1] = 0x80 | 127;
      frame.writeBigUInt64BE(BigInt(len), 2);
    }
    frame.writeUInt32BE(0, headerLen - 4); // zero mask key
    frame.set(payload, headerLen);
    this.socket.write(frame);
  }

  private onData(chunk: Buffer): void {
    let buf = chunk;
    if (this.pending !== null) {
      buf = Buffer.concat([this.pending, chunk]);
      this.pending = null;
    }
    let off = 0;
    while (buf.length - off >= 2) {
      const b0 = buf[off];
      const b1 = buf[off + 1];
      let len = b1 & 0x7f;
      let header = 2;
      if (len === 126) {
        if (buf.length - off < 4) break;
        len = buf.readUInt16BE(off + 2);
        header = 4;
      } else if (len === 127) {
        if (buf.length - off < 10) break;
        len = Number(buf.readBigUInt64BE(off + 2));
        header = 10;
      }
      const masked = (b1 & 0x80) !== 0;
      if (masked) header += 4; // servers never mask; tolerate it anyway
      if (buf.length - off < header + len) break;
      let payload = buf.subarray(off + header, off + header + len);
      if (masked) {
        const key = buf.subarray(off + header - 4, off + header);
        payload = Buffer.from(payload);
        for (let i = 0; i < payload.length; i++) payload[i] ^= key[i & 3];
      }
      off += header + len;
      this.onFrame((b0 & 0x80) !== 0, b0 & 0x0f, payload);
      if (this.closed) return;
    }
    if (off < buf.length) this.pending = buf.subarray(off);
  }

  private onFrame(fin: boolean, opcode: number, payload: Buffer): void {
    if (opcode === OP_PING) {
      this.sendFrame(0xa, payload);
      return;
    }
    if (opcode === OP_CLOSE) {
      const code = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
      this.socket.end();
      this.finish(`closed by server (${code} ${payload.subarray(2).toString('utf8')})`);
      return;
    }
    if (opcode === OP_BINARY || opcode === OP_CONTINUATION) {
      if (!fin || this.fragments.length > 0) {
        this.fragments.push(Buffer.from(payload));
        if (!fin) return;
        payload = Buffer.concat(this.fragments);
        this.fragments = [];
      }
      this.handlers.onMessage(payload);
    }
    // Text and pong frames carry nothing the benchmark reads.
  }

  private finish(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.handlers.onClose(reason);
  }
}
