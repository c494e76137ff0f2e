import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_SOCKETS_PER_SESSION } from '../../server/rooms/sessionLimits';
import { workshopOf } from '../../shared/schema';
import { createWorkshop, joinWorkshop, type CreatedWorkshop } from '../helpers/api';
import { eventually } from '../helpers/eventually';
import { closeCode, openRawSocket, workshopSocketUrl } from '../helpers/rawSocket';
import { serverOutput, startServer, type RunningServer } from '../helpers/server';
import { connectClient, type TestClient } from '../helpers/yjsClient';

/** Short timings so the test sees what happens after 30 s of silence in production. */
const PING_INTERVAL_MS = 200;
const UNLOAD_GRACE_MS = 300;
/** Clients that connect to a cold room at the same moment (more than one token may hold). */
const CONCURRENT_CLIENTS = MAX_SOCKETS_PER_SESSION + 2;

function count(text: string, message: string, workshopId: string): number {
  return text.split('\n').filter((line) => line.includes(`"msg":"${message}"`) && line.includes(workshopId)).length;
}

describe('room lifecycle', () => {
  let server: RunningServer;
  let workshop: CreatedWorkshop;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await startServer({
      env: { FLET_PING_INTERVAL_MS: String(PING_INTERVAL_MS), FLET_UNLOAD_GRACE_MS: String(UNLOAD_GRACE_MS) },
    });
    workshop = await createWorkshop(server, { title: 'Lifecycle' });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
  });

  it('loads a room once for clients that arrive together, unloads it when they leave, and reloads it intact', async () => {
    // One token holds at most MAX_SOCKETS_PER_SESSION sockets; the others are participants.
    const tokens = [
      ...Array.from({ length: MAX_SOCKETS_PER_SESSION }, () => workshop.facilitatorToken),
      ...(await Promise.all(
        Array.from({ length: CONCURRENT_CLIENTS - MAX_SOCKETS_PER_SESSION }, async () => (await joinWorkshop(server, workshop.joinCode, 'citizen')).token),
      )),
    ];
    const together = tokens.map((token) => connectClient(server, workshop.id, token));
    clients.push(...together);
    await Promise.all(together.map((c) => c.synced()));
    expect(count(serverOutput(server), 'room loaded', workshop.id)).toBe(1);

    workshopOf(together[0].doc).set('title', 'Kept across an unload');
    await eventually(() => expect(workshopOf(together[5].doc).get('title')).toBe('Kept across an unload'));
    for (const client of clients.splice(0)) client.destroy();
    await eventually(() => expect(count(serverOutput(server), 'room unloaded', workshop.id)).toBe(1));

    const back = connectClient(server, workshop.id, workshop.facilitatorToken);
    clients.push(back);
    await back.synced();
    await eventually(() => expect(workshopOf(back.doc).get('title')).toBe('Kept across an unload'));
    expect(count(serverOutput(server), 'room loaded', workshop.id)).toBe(2);
  });

  it('drops a socket that stops answering pings, and keeps one that answers', async () => {
    const silent = new WebSocket(workshopSocketUrl(server.wsUrl, workshop.id, workshop.facilitatorToken), { autoPong: false });
    await new Promise((resolve, reject) => {
      silent.once('open', resolve);
      silent.once('error', reject);
    });
    const answering = await openRawSocket(workshopSocketUrl(server.wsUrl, workshop.id, workshop.facilitatorToken));
    if (!answering.opened) throw new Error('socket refused');
    const code = await closeCode(silent);
    expect(code).toBe(1006); // terminated without a closing handshake
    expect(answering.socket.readyState).toBe(WebSocket.OPEN);
    answering.socket.terminate();
  });
});
