import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_SOCKETS_PER_SESSION } from '../../server/rooms/sessionLimits';
import { createWorkshop, type CreatedWorkshop } from '../helpers/api';
import { eventually } from '../helpers/eventually';
import { QUERY_AWARENESS_FRAME } from '../helpers/frames';
import { createHarness, type Harness } from '../helpers/harness';
import { openRawSocket, workshopSocketUrl } from '../helpers/rawSocket';
import { startServer, type RunningServer } from '../helpers/server';
import { connectClient, type TestClient } from '../helpers/yjsClient';

/** How a refused upgrade was answered. */
interface Refusal {
  status: number;
  body: string;
}

/** Opens a socket expecting the upgrade to be refused, and reads the answer's status and body. */
function refusalOf(url: string): Promise<Refusal> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once('open', () => {
      socket.terminate();
      reject(new Error('the upgrade was accepted'));
    });
    socket.once('unexpected-response', (_request, response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    socket.once('error', reject);
  });
}

describe('budgets per person, in process', () => {
  let harness: Harness;
  afterEach(async () => {
    await harness?.close();
  });

  it('shares one budget among the sockets of one person, and not with anyone else', async () => {
    // A small burst that refills slowly, so a pause lasts long enough to be seen.
    harness = createHarness({ limits: { messageBurst: 20, messagesPerSecond: 10 } });
    const workshop = await harness.createWorkshop();
    const person = await harness.join(workshop, 'citizen');
    const [first, second] = [harness.connect(person), harness.connect(person)];
    const neighbour = harness.connect(await harness.join(workshop, 'citizen'));
    await Promise.all([first, second, neighbour].map((client) => client.waitSynced()));

    for (let i = 0; i < 30; i++) first.send(QUERY_AWARENESS_FRAME);
    await eventually(() => expect(first.paused).toBe(true));
    expect(second.paused).toBe(false);

    // The person's other socket has nothing left to spend; another person has their own budget.
    second.send(QUERY_AWARENESS_FRAME);
    neighbour.send(QUERY_AWARENESS_FRAME);
    await eventually(() => expect(second.paused).toBe(true));
    expect(neighbour.paused).toBe(false);

    // Once the budget refilled, both are read again and nobody was closed.
    await eventually(() => expect([first.paused, second.paused]).toEqual([false, false]), { timeout: 5_000 });
    expect([first.closeCode, second.closeCode, neighbour.closeCode]).toEqual([null, null, null]);
  });

  it(`admits ${MAX_SOCKETS_PER_SESSION} sockets of one person, and one more only once one of them closed`, async () => {
    harness = createHarness();
    const workshop = await harness.createWorkshop();
    const open = Array.from({ length: MAX_SOCKETS_PER_SESSION }, () => harness.connect(workshop.facilitator));
    expect(harness.tryConnect(workshop.facilitator)).toBeNull();
    expect(harness.tryConnect(workshop.projector)).not.toBeNull();

    open[0].close();
    await eventually(() => expect(harness.tryConnect(workshop.facilitator)).not.toBeNull());
  });
});

describe('sockets per token, on a real server', () => {
  let server: RunningServer;
  let workshop: CreatedWorkshop;
  const sockets: WebSocket[] = [];
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await startServer();
    workshop = await createWorkshop(server, { title: 'Sockets per token' });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.terminate();
    for (const client of clients) client.destroy();
    await server?.stop();
  });

  async function openFacilitatorSocket(): Promise<WebSocket> {
    const outcome = await openRawSocket(workshopSocketUrl(server.wsUrl, workshop.id, workshop.facilitatorToken));
    if (!outcome.opened) throw new Error(`upgrade refused with ${outcome.status}`);
    sockets.push(outcome.socket);
    return outcome.socket;
  }

  it(`refuses a socket beyond ${MAX_SOCKETS_PER_SESSION} of one token with 429 and a sentence, and accepts it once one closed`, async () => {
    const open = [];
    for (let i = 0; i < MAX_SOCKETS_PER_SESSION; i++) open.push(await openFacilitatorSocket());

    const refusal = await refusalOf(workshopSocketUrl(server.wsUrl, workshop.id, workshop.facilitatorToken));
    expect(refusal.status).toBe(429);
    expect(JSON.parse(refusal.body)).toMatchObject({ error: 'too_many_connections', message: expect.stringMatching(/Close one of them/) });
    expect(open.every((socket) => socket.readyState === WebSocket.OPEN)).toBe(true);

    open[0].close();
    await eventually(() => openFacilitatorSocket());
  });

  it('lets a stock provider refused for too many sockets connect by itself once one closes', async () => {
    // The previous test left the token's four places taken.
    const open = sockets.filter((socket) => socket.readyState === WebSocket.OPEN);
    expect(open.length).toBe(MAX_SOCKETS_PER_SESSION);
    const provider = connectClient(server, workshop.id, workshop.facilitatorToken);
    clients.push(provider);
    const attempts: string[] = [];
    provider.provider.on('connection-error', () => attempts.push('refused'));
    await eventually(() => expect(attempts.length).toBeGreaterThanOrEqual(2));
    expect(provider.provider.wsconnected).toBe(false);

    open[0].close();
    await provider.synced();
    // A refused upgrade reads as a lost connection (1006), never as a refusal for good.
    expect(provider.closeCodes.length).toBeGreaterThanOrEqual(2);
    expect(provider.closeCodes.every((code) => code === 1006)).toBe(true);
  });
});
