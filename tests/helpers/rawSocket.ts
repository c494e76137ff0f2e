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
