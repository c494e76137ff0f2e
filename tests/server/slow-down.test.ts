import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SOCKET_STATE } from '../../server/rooms/RoomSocket';
import { MAX_BUFFERED_BYTES } from '../../shared/protocol/limits';
import { CLOSE_CODE, isPermanentClose } from '../../shared/protocol/closeCodes';
import { workshopOf } from '../../shared/schema';
import { createWorkshop, joinWorkshop, type CreatedWorkshop } from '../helpers/api';
import { eventually } from '../helpers/eventually';
import { createHarness, type Harness } from '../helpers/harness';
import { startServer, type RunningServer } from '../helpers/server';
import { connectClient, type TestClient } from '../helpers/yjsClient';

/** The flood: small updates, each its own message, as a script or a runaway client sends them. */
const UPDATES_PER_SECOND = 4_000;
const FLOOD_MS = 3_000;
const TOTAL_UPDATES = (UPDATES_PER_SECOND * FLOOD_MS) / 1000;
const TICK_MS = 10;
/** Time for every update to reach the reader: the flood paid at the sustained rate, and slack. */
const ARRIVAL_TIMEOUT_MS = 60_000;

describe('a stock client that writes faster than its share, on a real server', () => {
  let server: RunningServer;
  let workshop: CreatedWorkshop;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await startServer();
    workshop = await createWorkshop(server, { title: 'Slow down' });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
  });

  it(`is slowed, never disconnected, and all ${TOTAL_UPDATES} of its updates reach another client in order`, { timeout: 120_000 }, async () => {
    const writer = connectClient(server, workshop.id, workshop.facilitatorToken);
    const reader = connectClient(server, workshop.id, (await joinWorkshop(server, workshop.joinCode, 'citizen')).token);
    clients.push(writer, reader);
    await Promise.all([writer.synced(), reader.synced()]);
    const disconnects: string[] = [];
    writer.provider.on('connection-close', (event) => disconnects.push(String(event?.code ?? 'closed by the client')));
    writer.provider.on('status', ({ status }) => {
      if (status !== 'connected') disconnects.push(status);
    });

    const started = performance.now();
    let sent = 0;
    // Paced by the clock, bounded by count and time.
    while (sent < TOTAL_UPDATES && performance.now() - started < FLOOD_MS * 2) {
      const due = Math.min(TOTAL_UPDATES, Math.floor(((performance.now() - started) / 1000) * UPDATES_PER_SECOND));
      for (; sent < due; sent++) workshopOf(writer.doc).set(`u${sent}`, sent);
      await new Promise((resolve) => setTimeout(resolve, TICK_MS));
    }
    const writtenMs = performance.now() - started;
    expect(sent).toBe(TOTAL_UPDATES);

    const arrivals = workshopOf(reader.doc);
    // The workshop's own facts (its title, its language) share the map with the flood.
    const arrived = (): number => [...arrivals.keys()].filter((key) => key.startsWith('u')).length;
    await eventually(() => expect(arrived()).toBe(TOTAL_UPDATES), { timeout: ARRIVAL_TIMEOUT_MS, interval: 250 });
    const arrivedMs = performance.now() - started;
    for (let i = 0; i < TOTAL_UPDATES; i++) expect(arrivals.get(`u${i}`)).toBe(i);
    expect(disconnects).toEqual([]);
    expect(writer.closeCodes).toEqual([]);
    expect(writer.provider.wsconnected).toBe(true);
    console.info(`${TOTAL_UPDATES} updates written in ${(writtenMs / 1000).toFixed(1)} s, all arrived after ${(arrivedMs / 1000).toFixed(1)} s`);

    // Slowed, not stopped: its next edit still arrives.
    workshopOf(writer.doc).set('after', 'the flood');
    await eventually(() => expect(arrivals.get('after')).toBe('the flood'));
  });
});

describe('slowing down, in process', () => {
  let harness: Harness;
  afterEach(async () => {
    await harness?.close();
  });

  it('stops reading a client over its budget and processes every frame it sent, in order', async () => {
    harness = createHarness({ limits: { messageBurst: 20, messagesPerSecond: 200 } });
    const workshop = await harness.createWorkshop();
    const writer = harness.connect(workshop.facilitator);
    const reader = harness.connect(await harness.join(workshop, 'manager'));
    await Promise.all([writer.waitSynced(), reader.waitSynced()]);

    const order: string[] = [];
    workshopOf(reader.doc).observe((event) => order.push(...event.keysChanged));
    let pausedSeen = false;
    for (let i = 0; i < 300; i++) {
      workshopOf(writer.doc).set(`u${i}`, i);
      // Lets the in-memory socket deliver, so the server's pause is seen while the client writes on.
      if (i % 10 === 0) await Promise.resolve();
      pausedSeen ||= writer.paused;
    }
    await eventually(() => expect(order.length).toBe(300), { timeout: 5_000 });
    expect(pausedSeen).toBe(true);
    expect(order).toEqual(Array.from({ length: 300 }, (_, i) => `u${i}`));
    expect(writer.closeCode).toBeNull();
    await eventually(() => expect(writer.paused).toBe(false));
  });

  it('keeps a paused client through rounds of pings, though its answers wait behind its frames', async () => {
    harness = createHarness({ timing: { pingIntervalMs: 40 }, limits: { messageBurst: 5, messagesPerSecond: 20 } });
    const workshop = await harness.createWorkshop();
    const writer = harness.connect(workshop.facilitator);
    await writer.waitSynced();

    // Three times the burst: paused for about half a second, a dozen ping rounds.
    for (let i = 0; i < 15; i++) workshopOf(writer.doc).set(`u${i}`, i);
    await eventually(() => expect(writer.paused).toBe(true));
    await eventually(() => expect(writer.paused).toBe(false), { timeout: 5_000 });
    // Two more rounds after the pause: the answers are read again.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(writer.closeCode).toBeNull();
    expect(writer.open).toBe(true);
  });

  it('still closes a client that reads too slowly with 4503, which a provider retries', async () => {
    harness = createHarness({ limits: { byteBurst: 1e9, bytesPerSecond: 1e9 } });
    const workshop = await harness.createWorkshop();
    const writer = harness.connect(workshop.facilitator);
    const stalled = harness.connect(await harness.join(workshop, 'other'));
    await Promise.all([writer.waitSynced(), stalled.waitSynced()]);
    stalled.stallReading(true);

    const chunk = 'x'.repeat(512 * 1024);
    const frames = Math.ceil(MAX_BUFFERED_BYTES / chunk.length) + 4;
    for (let i = 0; i < frames; i++) workshopOf(writer.doc).set(`big${i % 8}`, `${i}${chunk}`);
    // The close waits behind what the client has not read, as on a network.
    await eventually(() => expect(stalled.socket.readyState).toBe(SOCKET_STATE.closing));
    stalled.stallReading(false);
    const code = await stalled.waitClosed();
    expect(code).toBe(CLOSE_CODE.tooSlow);
    expect(isPermanentClose(code)).toBe(false);
    expect(writer.open).toBe(true);
  });
});
