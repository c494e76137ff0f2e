import fs from 'node:fs';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createWorkshop, joinWorkshop, type CreatedWorkshop } from '../helpers/api';
import { eventually } from '../helpers/eventually';
import { awarenessFrame, awarenessUpdate } from '../helpers/frames';
import { ProbeSocket } from '../helpers/probeSocket';
import { startServer, type RunningServer } from '../helpers/server';
import { connectClient, type TestClient } from '../helpers/yjsClient';

/** Removal entries per flood frame (about 0.8 MB, under the frame limit). */
const REMOVALS_PER_FRAME = 90_000;
const FLOOD_FRAMES = 20;
/** Growth of the server's resident memory that the flood may cause at most. */
const RSS_GROWTH_BOUND_MB = 100;

function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0) / 1024;
}

/** A facilitator's presence as the Flet client sends it. */
function facilitatorPresence(workshopId: string, extra: Record<string, unknown>): Record<string, unknown> {
  return { userId: `facilitator:${workshopId}`, userName: 'Facilitator', meta: { role: 'facilitator', group: null }, ...extra };
}

describe('whose presence a socket may speak for', () => {
  let server: RunningServer;
  let workshop: CreatedWorkshop;
  const clients: TestClient[] = [];
  const probes: ProbeSocket[] = [];

  beforeAll(async () => {
    server = await startServer();
    workshop = await createWorkshop(server, { title: 'Presence ownership' });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    for (const probe of probes) probe.close();
    await server?.stop();
  });

  it("keeps a participant from overwriting or freezing the facilitator's presence", async () => {
    const participant = await joinWorkshop(server, workshop.joinCode, 'citizen', 'Mallory');
    const facilitator = connectClient(server, workshop.id, workshop.facilitatorToken);
    const projector = connectClient(server, workshop.id, workshop.projectorToken);
    clients.push(facilitator, projector);
    await Promise.all([facilitator.synced(), projector.synced()]);
    const victim = facilitator.provider.awareness.clientID;
    facilitator.provider.awareness.setLocalStateField('presence', facilitatorPresence(workshop.id, { cursor: 0 }));
    const seenByProjector = () => projector.provider.awareness.getStates().get(victim);
    await eventually(() => expect(seenByProjector()).toEqual({ presence: facilitatorPresence(workshop.id, { cursor: 0 }) }));

    const mallory = await ProbeSocket.open(server.wsUrl, workshop.id, participant.token);
    probes.push(mallory);
    const clock = facilitator.provider.awareness.meta.get(victim)?.clock ?? 0;
    const forged = JSON.stringify({ presence: { userName: 'HIJACKED', meta: {} } });
    // Dropped, not closed: a stock client echoes other people's states as a matter of course.
    expect(await mallory.send(awarenessFrame(awarenessUpdate(victim, clock + 1, forged)))).toEqual({ closed: false });
    expect(await mallory.send(awarenessFrame(awarenessUpdate(victim, 2 ** 53 - 1, forged)))).toEqual({ closed: false });

    facilitator.provider.awareness.setLocalStateField('presence', facilitatorPresence(workshop.id, { cursor: 1 }));
    facilitator.provider.awareness.setLocalStateField('presence', facilitatorPresence(workshop.id, { cursor: 2 }));
    await eventually(() => expect(seenByProjector()).toEqual({ presence: facilitatorPresence(workshop.id, { cursor: 2 }) }));
    expect(mallory.open).toBe(true);
  });

  it('bounds how far one step may move a presence clock', async () => {
    const participant = await joinWorkshop(server, workshop.joinCode, 'employee');
    const watcher = connectClient(server, workshop.id, workshop.facilitatorToken);
    clients.push(watcher);
    await watcher.synced();
    const own = 515_151;
    const socket = await ProbeSocket.open(server.wsUrl, workshop.id, participant.token);
    probes.push(socket);
    await socket.send(awarenessFrame(awarenessUpdate(own, 1, '{"cursor":1}')));
    await eventually(() => expect(watcher.provider.awareness.getStates().get(own)).toEqual({ cursor: 1 }));
    // A jump to the end of the clock would freeze the entry for good; it is dropped.
    await socket.send(awarenessFrame(awarenessUpdate(own, 2 ** 52, '{"cursor":"frozen"}')));
    await socket.send(awarenessFrame(awarenessUpdate(own, 2, '{"cursor":2}')));
    await eventually(() => expect(watcher.provider.awareness.getStates().get(own)).toEqual({ cursor: 2 }));
  });

  it('keeps a bounded number of presence entries per socket, and none for removals of unknown ids', async () => {
    const participant = await joinWorkshop(server, workshop.joinCode, 'business');
    const watcher = connectClient(server, workshop.id, workshop.facilitatorToken);
    clients.push(watcher);
    await watcher.synced();
    const socket = new WebSocket(`${server.wsUrl}/${workshop.id}?token=${encodeURIComponent(participant.token)}`);
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const closes: number[] = [];
    socket.on('close', (code) => closes.push(code));

    // Many ids from one socket: a browser tab speaks for one.
    const ids = Array.from({ length: 20 }, (_, i) => 600_000 + i);
    socket.send(awarenessFrame(encodeEntries(ids.map((id) => [id, 1, '{"tab":true}']))));
    await eventually(() => expect(watcher.provider.awareness.getStates().has(ids[0])).toBe(true));

    const before = rssMb(server.process.pid ?? 0);
    let next = 1_000_000;
    for (let frame = 0; frame < FLOOD_FRAMES && socket.readyState === WebSocket.OPEN; frame++) {
      const entries: Array<[number, number, string]> = [];
      for (let i = 0; i < REMOVALS_PER_FRAME; i++) entries.push([next++, 1, 'null']);
      socket.send(awarenessFrame(encodeEntries(entries)));
      // Stay inside the connection's byte rate, as an attacker who wants to stay connected would.
      await new Promise((resolve) => setTimeout(resolve, 450));
    }
    // Presence is relayed in order: once this marker is seen, the flood has been handled.
    socket.send(awarenessFrame(encodeEntries([[ids[0], 2, '{"tab":"done"}']])));
    await eventually(() => expect(watcher.provider.awareness.getStates().get(ids[0])).toEqual({ tab: 'done' }));
    const growth = rssMb(server.process.pid ?? 0) - before;

    const present = ids.filter((id) => watcher.provider.awareness.getStates().has(id));
    expect(present.length).toBeLessThanOrEqual(4);
    expect(closes).toEqual([]);
    expect(growth).toBeLessThan(RSS_GROWTH_BOUND_MB);
    socket.terminate();
  });
});

function encodeEntries(entries: Array<[number, number, string]>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const [clientId, clock, state] of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}
