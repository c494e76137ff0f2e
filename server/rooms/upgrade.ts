import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import type { WebSocketServer } from 'ws';
import { authenticate } from '../auth';
import type { Storage } from '../storage/Storage';
import type { RoomRegistry } from './RoomRegistry';
import { WsRoomSocket } from './WsRoomSocket';

/** Longest time from an upgrade request to the WebSocket (or its refusal). */
const UPGRADE_TIMEOUT_MS = 10_000;

/** `/ws/<workshopId>`, or `/ws/<workshopId>/private` for the token holder's private document: ids are base64url. */
const WS_PATH = /^\/ws\/([A-Za-z0-9_-]{1,128})(\/private)?$/;

/**
 * The answer to one socket too many of one token. An HTTP refusal rather than a close code:
 * the refused socket never costs a room a welcome, and the stock provider treats a failed
 * upgrade like a lost network and retries with backoff, so the tab connects by itself once
 * another of the person's tabs closes (a close code in 4400-4499 would stop it for good).
 */
const TOO_MANY_SOCKETS = JSON.stringify({
  error: 'too_many_connections',
  message: 'This link is already open in as many windows as it may be. Close one of them and this one connects by itself.',
});

/**
 * Handles an HTTP upgrade: the token (query `token`) must belong to the workshop named in
 * the path, else the upgrade is refused with 401 before any WebSocket exists. A private
 * document's path is open to participants only (403 for the facilitator and the projector),
 * and leads to the token's own private document. One token may
 * hold a few sockets at once; one more is refused with 429 until one of them closes.
 */
export function upgradeHandler(wss: WebSocketServer, registry: RoomRegistry, storage: Storage, logger: Logger) {
  return (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', (error) => logger.debug({ err: error }, 'upgrade socket error'));
    const url = parseUrl(request.url);
    if (!url) return refuse(socket, 400, 'Bad Request');
    const match = WS_PATH.exec(url.pathname);
    if (!match) return refuse(socket, 404, 'Not Found');
    const workshopId = match[1];
    const privateDocument = match[2] !== undefined;
    // No upgrade may hold its socket for ever (a lookup that never ends, a stuck handshake).
    const timer = setTimeout(() => refuse(socket, 503, 'Service Unavailable'), UPGRADE_TIMEOUT_MS);
    timer.unref();
    authenticate(storage, url.searchParams.get('token') ?? undefined)
      .then((session) => {
        if (!session || session.workshopId !== workshopId) return refuse(socket, 401, 'Unauthorized');
        // Only participants have a private document; the facilitator and the projector have none to open.
        if (privateDocument && session.role !== 'participant') return refuse(socket, 403, 'Forbidden');
        if (socket.destroyed) return;
        const lease = registry.admit(session);
        if (!lease) return refuse(socket, 429, 'Too Many Requests', TOO_MANY_SOCKETS);
        // The place is held for as long as the connection exists, handshake or not.
        socket.once('close', () => lease.release());
        wss.handleUpgrade(request, socket, head, (ws) => registry.connect(new WsRoomSocket(ws), lease, { privateDocument }));
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

function refuse(socket: Duplex, status: number, text: string, jsonBody = ''): void {
  if (socket.destroyed) return;
  const body = Buffer.from(jsonBody, 'utf8');
  const type = body.length > 0 ? 'Content-Type: application/json; charset=utf-8\r\n' : '';
  socket.end(Buffer.concat([
    Buffer.from(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\n${type}Content-Length: ${body.length}\r\n\r\n`, 'latin1'),
    body,
  ]));
}
