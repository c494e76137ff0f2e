import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createWorkshop, joinWorkshop, type CreatedWorkshop } from '../helpers/api';
import { participantsOf, recordsOf, workshopOf } from '../../shared/schema';
import { addNote, notesOf } from '../helpers/board';
import { eventually } from '../helpers/eventually';
import { craftedFrames } from '../helpers/frames';
import { fuzzFrameArbitrary, fuzzHistory, type FuzzFrame } from '../helpers/fuzzFrames';
import { ProbeSocket } from '../helpers/probeSocket';
import { startServer, type RunningServer } from '../helpers/server';
import { connectClient, type TestClient } from '../helpers/yjsClient';

/** Random and mutated frames sent (the issue asks for at least 10,000). */
const FRAMES = 12_000;
/** Sockets fuzzing in parallel, each reconnecting when the server closes it. */
const PARALLEL_SOCKETS = 8;
/** Fixed seed: a failure can be replayed. Override with FUZZ_SEED. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
/** How often /healthz is asked during the fuzz, and the bound on its answer time. */
const HEALTH_INTERVAL_MS = 50;
const HEALTH_BOUND_MS = 2_000;

describe('a fuzzed server', () => {
  let server: RunningServer;
  let workshop: CreatedWorkshop;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await startServer();
    workshop = await createWorkshop(server, { title: 'Fuzz' });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
  });

  it(`survives ${FRAMES} random and mutated frames plus crafted payloads without a change to the document`, async () => {
    const writer = connectClient(server, workshop.id, workshop.facilitatorToken);
    const watcher = connectClient(server, workshop.id, (await joinWorkshop(server, workshop.joinCode, 'employee')).token);
    clients.push(writer, watcher);
    await Promise.all([writer.synced(), watcher.synced()]);

    // The fuzzing participants join before the baseline is taken.
    const tokens = await Promise.all(
      Array.from({ length: PARALLEL_SOCKETS }, async () => (await joinWorkshop(server, workshop.joinCode, 'other')).token),
    );

    // Honest content, and the fuzzer's own (fully deleted) history, applied through the writer.
    addNote(writer.doc, 'shape:honest', 'Borgerne vil have flere bænke', null);
    addNote(writer.doc, 'shape:story', 'Trådene flettes sammen.', null, 300, 100);
    const history = fuzzHistory();
    for (const update of history.updates) Y.applyUpdate(writer.doc, update);
    await eventually(() => expect(Y.encodeStateVector(watcher.doc)).toEqual(Y.encodeStateVector(writer.doc)));
    expect(writer.closeCodes).toEqual([]);
    expect(notesOf(watcher.doc)).toEqual({ 'shape:honest': 'Borgerne vil have flere bænke', 'shape:story': 'Trådene flettes sammen.' });
    const before = Y.snapshot(watcher.doc);
    const contentBefore = contentOf(watcher.doc);

    const frames: FuzzFrame[] = [
      ...fc.sample(fuzzFrameArbitrary(history.bases), { numRuns: FRAMES, seed: SEED }),
      ...craftedFrames(writer.doc.clientID).map((c) => c.frame),
    ];

    // The event loop must stay responsive: /healthz is asked all along.
    let maxHealthMs = 0;
    let healthChecks = 0;
    let fuzzing = true;
    const health = (async () => {
      while (fuzzing) {
        const started = performance.now();
        const response = await fetch(`${server.url}/healthz`);
        expect(response.status).toBe(200);
        maxHealthMs = Math.max(maxHealthMs, performance.now() - started);
        healthChecks += 1;
        await new Promise((resolve) => setTimeout(resolve, HEALTH_INTERVAL_MS));
      }
    })();

    const closes = new Map<number, number>();
    let sent = 0;
    let next = 0;
    let sockets = 0;
    const started = performance.now();
    async function worker(token: string): Promise<void> {
      let socket = await ProbeSocket.open(server.wsUrl, workshop.id, token);
      sockets += 1;
      while (next < frames.length) {
        const frame = frames[next++];
        const fate = await socket.send(frame);
        sent += 1;
        if (fate.closed) {
          closes.set(fate.code, (closes.get(fate.code) ?? 0) + 1);
          socket = await ProbeSocket.open(server.wsUrl, workshop.id, token);
          sockets += 1;
        }
      }
      socket.close();
    }
    try {
      await Promise.all(tokens.map(worker));
    } finally {
      fuzzing = false;
      await health;
    }
    const seconds = (performance.now() - started) / 1000;
    const closed = [...closes.values()].reduce((a, b) => a + b, 0);
    console.log(
      `fuzz (seed ${SEED}): ${sent} frames sent in ${seconds.toFixed(1)} s over ${sockets} sockets; ` +
        `${closed} closed by the server ${JSON.stringify(Object.fromEntries(closes))}; ` +
        `/healthz max ${maxHealthMs.toFixed(0)} ms over ${healthChecks} checks`,
    );

    // Zero crashes, a responsive event loop.
    expect(sent).toBe(frames.length);
    expect(server.process.exitCode).toBeNull();
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(maxHealthMs).toBeLessThan(HEALTH_BOUND_MS);

    // Zero changes to the document.
    expect(Y.equalSnapshots(Y.snapshot(watcher.doc), before)).toBe(true);
    expect(contentOf(watcher.doc)).toEqual(contentBefore);

    // The honest clients are still connected and in sync: an edit still travels.
    expect(writer.provider.wsconnected && watcher.provider.wsconnected).toBe(true);
    expect([...writer.closeCodes, ...watcher.closeCodes]).toEqual([]);
    addNote(writer.doc, 'shape:after', 'Vi er her endnu', null, 500, 100);
    await eventually(() => expect(notesOf(watcher.doc)['shape:after']).toBe('Vi er her endnu'));

    // And what the server stores is the same document.
    const fresh = connectClient(server, workshop.id, workshop.facilitatorToken);
    clients.push(fresh);
    await fresh.synced();
    // Compared as values: the order of a map's keys depends on the order its entries arrived in.
    await eventually(() => expect(contentOf(fresh.doc)).toEqual(contentOf(watcher.doc)));
  }, 180_000);
});

/** Every root type's content, for comparing documents as a user would see them. */
function contentOf(doc: Y.Doc): Record<string, unknown> {
  return {
    records: recordsOf(doc).toJSON(),
    workshop: workshopOf(doc).toJSON(),
    participants: participantsOf(doc).toJSON(),
    // Names the crafted and mutated frames aim at: nothing may appear under them.
    fuzz: doc.getMap('fuzz').toJSON(),
    fuzzText: doc.getText('fuzz-text').toString(),
    fuzzList: doc.getArray('fuzz-list').toJSON(),
  };
}
