import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import type { WebSocketServer } from 'ws';
import { authenticate } from '../auth';
import type { Storage } from '../storage/Storage';
import type { RoomRegistry } from './RoomRegistry';

/** `/ws/<workshopId>`: ids are base64url. */
const WS_PATH = /^\/ws\/([A-Za-z0-9_-]{1,128})$/;

/**
 * Handles an HTTP upgrade: the token (query `token`) must belong to the workshop named in
 * the path, else the upgrade is refused with 401 before any WebSocket exists.
 */
export function upgradeHandler(wss: WebSocketServer, registry: RoomRegistry, storage: Storage, logger: Logger) {
  return (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', (error) => logger.debug({ err: error }, 'upgrade socket error'));
    const url = new URL(request.url ?? '/', 'http://localhost');
    const match = WS_PATH.exec(url.pathname);
    if (!match) return refuse(socket, 404, 'Not Found');
    const workshopId = match[1];
    authenticate(storage, url.searchParams.get('token') ?? undefined)
      .then((session) => {
        if (!session || session.workshopId !== workshopId) return refuse(socket, 401, 'Unauthorized');
        wss.handleUpgrade(request, socket, head, (ws) => registry.connect(ws, session));
      })
      .catch((error: unknown) => {
        logger.error({ err: error, workshopId }, 'upgrade failed');
        refuse(socket, 500, 'Internal Server Error');
      });
  };
}

function refuse(socket: Duplex, status: number, text: string): void {
  if (socket.destroyed) return;
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
