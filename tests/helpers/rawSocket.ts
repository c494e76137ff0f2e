import WebSocket from 'ws';

/** How a raw WebSocket attempt ended. */
export type UpgradeOutcome = { opened: true; socket: WebSocket } | { opened: false; status: number };

/** Opens a plain WebSocket (no Yjs) and reports whether the upgrade was accepted. */
export function openRawSocket(url: string): Promise<UpgradeOutcome> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once('open', () => resolve({ opened: true, socket }));
    socket.once('unexpected-response', (_request, response) => {
      resolve({ opened: false, status: response.statusCode ?? 0 });
      socket.terminate();
    });
    socket.once('error', (error) => reject(error));
  });
}

/** Resolves with the close code once the socket is closed. */
export function closeCode(socket: WebSocket): Promise<number> {
  if (socket.readyState === WebSocket.CLOSED) return Promise.resolve(-1);
  return new Promise((resolve) => socket.once('close', (code) => resolve(code)));
}

/** The URL of a workshop's WebSocket, with an optional token. */
export function workshopSocketUrl(wsUrl: string, workshopId: string, token?: string): string {
  const base = `${wsUrl}/${encodeURIComponent(workshopId)}`;
  return token === undefined ? base : `${base}?token=${encodeURIComponent(token)}`;
}

/** An upgrade request for `target` with every header a WebSocket handshake needs. */
export function upgradeRequest(target: string, port: number): string {
  return [
    `GET ${target} HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version: 13',
    '',
    '',
  ].join('\r\n');
}

/** How long a socket may stay open after a frame the server must refuse, before it counts as accepted. */
export const REFUSAL_WAIT_MS = 3_000;

/** What became of a frame sent by {@link sendOnFreshSocket}. */
export type FreshFrameFate = { closed: false } | { closed: true; code: number };

/**
 * Sends one frame on a fresh socket and waits for the server to close it, or for
 * {@link REFUSAL_WAIT_MS}. Unlike a probe answered with presence, nothing relayed to the
 * socket (another person's cursor, a removal) can pass for the server's verdict.
 */
export function sendOnFreshSocket(wsUrl: string, workshopId: string, token: string, frame: Uint8Array): Promise<FreshFrameFate> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(workshopSocketUrl(wsUrl, workshopId, token));
    let timer: NodeJS.Timeout | undefined;
    socket.once('open', () => {
      socket.send(frame);
      timer = setTimeout(() => {
        socket.terminate();
        resolve({ closed: false });
      }, REFUSAL_WAIT_MS);
    });
    socket.once('close', (code) => {
      clearTimeout(timer);
      resolve({ closed: true, code });
    });
    socket.once('error', reject);
  });
}
