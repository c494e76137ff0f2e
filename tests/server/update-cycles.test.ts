import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { participantsOf } from '../../shared/schema';
import { CLOSE_CODE } from '../../shared/protocol/closeCodes';
import { createWorkshop, joinWorkshop, type CreatedWorkshop } from '../helpers/api';
import { addNote, notesOf } from '../helpers/board';
import { eventually } from '../helpers/eventually';
import { craftedFrames } from '../helpers/frames';
import { ProbeSocket } from '../helpers/probeSocket';
import { serverOutput, startServer, type RunningServer } from '../helpers/server';
import { connectClient, type TestClient } from '../helpers/yjsClient';

/** Notes on the board, so that rebuilding it from storage would be expensive. */
const RECORDS = 2_000;
/** Sockets that send the crafted update again and again, reconnecting after each close. */
const ATTACKERS = 4;
const ATTACK_MS = 4_000;
/** The log line of the expensive path: the document rebuilt from storage. */
const REBUILD_LOG = 'update failed to apply';

describe('updates whose structs wait on each other in a circle', () => {
  let server: RunningServer;
  let workshop: CreatedWorkshop;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await startServer();
    workshop = await createWorkshop(server, { title: 'Cycles' });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
  });

  it('are refused before they touch the document, so the board is never rebuilt for them', async () => {
    const writer = connectClient(server, workshop.id, workshop.facilitatorToken);
    const watcher = connectClient(server, workshop.id, workshop.facilitatorToken);
    clients.push(writer, watcher);
    await Promise.all([writer.synced(), watcher.synced()]);
    for (let batch = 0; batch < RECORDS / 100; batch++) {
      writer.doc.transact(() => {
        for (let i = 0; i < 100; i++) addNote(writer.doc, `shape:n${batch}-${i}`, 'y'.repeat(300), null, i, batch);
      });
    }
    await eventually(() => expect(Object.keys(notesOf(watcher.doc))).toHaveLength(RECORDS), { timeout: 30_000 });
    const cycle = craftedFrames(writer.doc.clientID).find((c) => c.name === 'two clients whose structs point at each other');
    if (!cycle) throw new Error('crafted cycle missing');
    const tokens = await Promise.all(Array.from({ length: ATTACKERS }, async () => (await joinWorkshop(server, workshop.joinCode, 'other')).token));
    // Each join lists its participant in the document: the baseline is taken once they are in.
    await eventually(() => expect(participantsOf(watcher.doc).size).toBe(ATTACKERS));
    const before = Y.encodeStateVector(watcher.doc);
    const codes = new Set<number>();
    let attempts = 0;
    const until = Date.now() + ATTACK_MS;
    await Promise.all(
      tokens.map(async (token) => {
        while (Date.now() < until) {
          const socket = await ProbeSocket.open(server.wsUrl, workshop.id, token);
          const fate = await socket.send(cycle.frame);
          if (fate.closed) codes.add(fate.code);
          attempts += 1;
          socket.close();
        }
      }),
    );

    expect(attempts).toBeGreaterThan(ATTACKERS);
    expect([...codes]).toEqual([CLOSE_CODE.badUpdate]);
    expect(serverOutput(server).split(REBUILD_LOG).length - 1).toBe(0);
    expect(Y.encodeStateVector(watcher.doc)).toEqual(before);
    addNote(writer.doc, 'shape:after', 'still relayed', null);
    await eventually(() => expect(notesOf(watcher.doc)['shape:after']).toBe('still relayed'));
    expect(writer.provider.wsconnected && watcher.provider.wsconnected).toBe(true);
  });
});
