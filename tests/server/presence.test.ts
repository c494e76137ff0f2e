import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { decodeAwarenessUpdate } from '../../shared/protocol/awareness';
import { createWorkshop, joinWorkshop, type CreatedWorkshop } from '../helpers/api';
import { eventually } from '../helpers/eventually';
import { awarenessFrame, awarenessUpdate } from '../helpers/frames';
import { ProbeSocket } from '../helpers/probeSocket';
import { workshopSocketUrl } from '../helpers/rawSocket';
import { startServer, type RunningServer } from '../helpers/server';
import { connectClient, type TestClient } from '../helpers/yjsClient';

/** Cursor moves made within one tick of the event loop. */
const MOVES = 60;

interface Seen {
  frames: number;
  /** Latest raw state per client id, as JSON text ('null' once gone). */
  states: Map<number, string>;
}

/**
 * A raw socket that only listens to presence frames. It holds the projector's token, which
 * watches: the facilitator's few sockets per token are left to the clients under test.
 */
function listen(server: RunningServer, workshopId: string, token: string): Promise<{ seen: Seen; socket: WebSocket }> {
  return new Promise((resolve, reject) => {
    const seen: Seen = { frames: 0, states: new Map() };
    const socket = new WebSocket(workshopSocketUrl(server.wsUrl, workshopId, token));
    socket.on('message', (data: Buffer) => {
      if (data[0] !== 1) return;
      seen.frames += 1;
      const decoder = decoding.createDecoder(new Uint8Array(data));
      decoding.readVarUint(decoder);
      for (const entry of decodeAwarenessUpdate(decoding.readVarUint8Array(decoder))) {
        seen.states.set(entry.clientId, new TextDecoder().decode(entry.state));
      }
    });
    socket.once('open', () => resolve({ seen, socket }));
    socket.once('error', reject);
  });
}

describe('presence (cursors)', () => {
  let server: RunningServer;
  let workshop: CreatedWorkshop;
  const clients: TestClient[] = [];
  const sockets: WebSocket[] = [];

  beforeAll(async () => {
    server = await startServer();
    workshop = await createWorkshop(server, { title: 'Presence' });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    for (const socket of sockets) socket.terminate();
    await server?.stop();
  });

  it('merges a burst of cursor moves, drops echoes, and removes a leaver for everyone', async () => {
    const participant = await joinWorkshop(server, workshop.joinCode, 'citizen');
    const mover = connectClient(server, workshop.id, workshop.facilitatorToken);
    // A stock provider echoes every presence change it receives back to the server.
    const echoer = connectClient(server, workshop.id, participant.token);
    clients.push(mover, echoer);
    await Promise.all([mover.synced(), echoer.synced()]);
    const { seen, socket } = await listen(server, workshop.id, workshop.projectorToken);
    sockets.push(socket);

    for (let i = 1; i <= MOVES; i++) mover.provider.awareness.setLocalStateField('cursor', { x: i, y: i });
    await eventually(() => {
      expect(JSON.parse(seen.states.get(mover.doc.clientID) ?? 'null')).toEqual({ cursor: { x: MOVES, y: MOVES } });
      expect(echoer.provider.awareness.getStates().get(mover.doc.clientID)).toEqual({ cursor: { x: MOVES, y: MOVES } });
    });
    const framesAfterBurst = seen.frames;
    // 60 moves (and the echoer's echo of each) arrive as a handful of merged frames.
    expect(framesAfterBurst).toBeLessThan(MOVES / 4);

    mover.destroy();
    clients.splice(clients.indexOf(mover), 1);
    await eventually(() => {
      expect(seen.states.get(mover.doc.clientID)).toBe('null');
      expect(echoer.provider.awareness.getStates().has(mover.doc.clientID)).toBe(false);
    });
  });

  it('never relays presence from the projector', async () => {
    const projector = connectClient(server, workshop.id, workshop.projectorToken);
    const facilitator = connectClient(server, workshop.id, workshop.facilitatorToken);
    clients.push(projector, facilitator);
    await Promise.all([projector.synced(), facilitator.synced()]);
    const { seen, socket } = await listen(server, workshop.id, workshop.projectorToken);
    sockets.push(socket);

    projector.provider.awareness.setLocalStateField('cursor', { x: 1, y: 1 });
    // Presence is relayed in order: once the facilitator's later change is seen, the
    // projector's would have been too.
    facilitator.provider.awareness.setLocalStateField('cursor', { x: 2, y: 2 });
    await eventually(() => expect(JSON.parse(seen.states.get(facilitator.doc.clientID) ?? 'null')).toEqual({ cursor: { x: 2, y: 2 } }));
    expect(seen.states.has(projector.doc.clientID)).toBe(false);
    // The projector still sees everyone else.
    await eventually(() => expect(projector.provider.awareness.getStates().get(facilitator.doc.clientID)).toEqual({ cursor: { x: 2, y: 2 } }));
  });

  it('lets a reconnected client take over its presence from a lingering old socket', async () => {
    const clientId = 777_777;
    const { seen, socket } = await listen(server, workshop.id, workshop.projectorToken);
    sockets.push(socket);
    const old = await ProbeSocket.open(server.wsUrl, workshop.id, workshop.facilitatorToken);
    expect((await old.send(awarenessFrame(awarenessUpdate(clientId, 1, '{"cursor":"old"}')))).closed).toBe(false);
    const reconnected = await ProbeSocket.open(server.wsUrl, workshop.id, workshop.facilitatorToken);
    expect((await reconnected.send(awarenessFrame(awarenessUpdate(clientId, 2, '{"cursor":"new"}')))).closed).toBe(false);
    await eventually(() => expect(seen.states.get(clientId)).toBe('{"cursor":"new"}'));

    // The old socket finally goes away: the client is still present through the new one.
    old.close();
    const marker = 888_888;
    expect((await reconnected.send(awarenessFrame(awarenessUpdate(marker, 1, '{}')))).closed).toBe(false);
    await eventually(() => expect(seen.states.get(marker)).toBe('{}'));
    expect(seen.states.get(clientId)).toBe('{"cursor":"new"}');
    reconnected.close();
    await eventually(() => expect(seen.states.get(clientId)).toBe('null'));
  });
});
