import WebSocket from 'ws';
import { QUERY_AWARENESS_FRAME } from './frames';
import { workshopSocketUrl } from './rawSocket';

/** What happened to a frame sent on a {@link ProbeSocket}. */
export type FrameFate = { closed: false } | { closed: true; code: number };

/** How long to wait for the probe's answer or the close before calling the socket stuck. */
const PROBE_TIMEOUT_MS = 5_000;

/**
 * A raw authenticated socket that sends one frame at a time and learns whether the server
 * read it and went on (the probe after it is answered) or closed the socket.
 * The probe is a query-awareness frame: the server answers it while anyone is present.
 */
export class ProbeSocket {
  private constructor(private readonly socket: WebSocket) {}

  /** Opens a socket and waits for the server's welcome (its presence frame), so probes are not confused with it. */
  static open(wsUrl: string, workshopId: string, token: string): Promise<ProbeSocket> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(workshopSocketUrl(wsUrl, workshopId, token));
      socket.binaryType = 'nodebuffer';
      const onMessage = (data: Buffer, isBinary: boolean): void => {
        if (!isBinary || data[0] !== 1) return;
        socket.off('message', onMessage);
        resolve(new ProbeSocket(socket));
      };
      socket.on('message', onMessage);
      socket.once('error', reject);
      socket.once('close', (code) => reject(new Error(`closed before the welcome (${code})`)));
    });
  }

  get open(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  /** Sends `frame` (binary, or text when a string) and waits for its fate. */
  send(frame: Uint8Array | string): Promise<FrameFate> {
    return new Promise((resolve, reject) => {
      const socket = this.socket;
      const finish = (fate: FrameFate): void => {
        clearTimeout(timer);
        socket.off('message', onMessage);
        socket.off('close', onClose);
        resolve(fate);
      };
      const onMessage = (data: Buffer, isBinary: boolean): void => {
        // Only the answer to our probe is an awareness frame that arrives after our frame;
        // other traffic (sync step 1, relayed presence) may come first and is skipped.
        if (isBinary && data[0] === 1) finish({ closed: false });
      };
      const onClose = (code: number): void => finish({ closed: true, code });
      const timer = setTimeout(() => {
        socket.off('message', onMessage);
        socket.off('close', onClose);
        reject(new Error('the server neither answered the probe nor closed the socket'));
      }, PROBE_TIMEOUT_MS);
      socket.on('message', onMessage);
      socket.on('close', onClose);
      socket.send(frame, { binary: typeof frame !== 'string' });
      if (socket.readyState === WebSocket.OPEN) socket.send(QUERY_AWARENESS_FRAME, { binary: true });
    });
  }

  close(): void {
    this.socket.terminate();
  }
}
