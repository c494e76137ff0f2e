import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import type { WebSocketServer } from 'ws';
import { authenticate } from '../auth';
import type { Storage } from '../storage/Storage';
import type { RoomRegistry } from './RoomRegistry';

/** Longest time from an upgrade request to the WebSocket (or its refusal). */
const UPGRADE_TIMEOUT_MS = 10_000;

/** `/ws/<workshopId>`: ids are base64url. */
const WS_PATH = /^\/ws\/([A-Za-z0-9_-]{1,128})$/;

/**
 * Handles an HTTP upgrade: the token (query `token`) must belong to the workshop named in
 * the path, else the upgrade is refused with 401 before any WebSocket exists.
 */
export function upgradeHandler(wss: WebSocketServer, registry: RoomRegistry, storage: Storage, logger: Logger) {
  return (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', (error) => logger.debug({ err: error }, 'upgrade socket error'));
    const url = parseUrl(request.url);
    if (!url) return refuse(socket, 400, 'Bad Request');
    const match = WS_PATH.exec(url.pathname);
    if (!match) return refuse(socket, 404, 'Not Found');
    const workshopId = match[1];
    // No upgrade may hold its socket for ever (a lookup that never ends, a stuck handshake).
    const timer = setTimeout(() => refuse(socket, 503, 'Service Unavailable'), UPGRADE_TIMEOUT_MS);
    timer.unref();
    authenticate(storage, url.searchParams.get('token') ?? undefined)
      .then((session) => {
        if (!session || session.workshopId !== workshopId) return refuse(socket, 401, 'Unauthorized');
        if (socket.destroyed) return;
        wss.handleUpgrade(request, socket, head, (ws) => registry.connect(ws, session));
      })
      .catch((error: unknown) => {
        logger.error({ err: error, workshopId }, 'upgrade failed');
        refuse(socket, 500, 'Internal Server Error');
      })
      .finally(() => clearTimeout(timer));
  };
}

/** The request target as a URL, or null when it cannot be parsed (e.g. `http://[`). */
function parseUrl(target: string | undefined): URL | null {
  try {
    return new URL(target ?? '/', 'http://localhost');
  } catch {
    return null;
  }
}

function refuse(socket: Duplex, status: number, text: string): void {
  if (socket.destroyed) return;
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
