import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { GROUP_NAMES } from '../../shared/domain/groupNames';
import { GROUP_STYLES } from '../../shared/domain/groups';
import { decodeAwarenessUpdate } from '../../shared/protocol/awareness';
import { MAX_AWARENESS_STATE_BYTES } from '../../shared/protocol/limits';
import { MAX_NAME_LENGTH } from '../../shared/validate/httpBodies';
import { createWorkshop, joinWorkshop, type CreatedWorkshop } from '../helpers/api';
import { eventually } from '../helpers/eventually';
import { awarenessFrame, awarenessUpdate } from '../helpers/frames';
import { ProbeSocket } from '../helpers/probeSocket';
import { workshopSocketUrl } from '../helpers/rawSocket';
import { startServer, type RunningServer } from '../helpers/server';
import { connectClient, type TestClient } from '../helpers/yjsClient';

/** What a participant who pretends to be the mayor, as facilitator, puts everywhere it can. */
function mayorClaim(workshopId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    presence: {
      userId: `facilitator:${workshopId}`,
      userName: 'Facilitator (Mayor)',
      color: GROUP_STYLES.politician.hex,
      cursor: { x: 10, y: 20, type: 'default', rotation: 0 },
      meta: { role: 'facilitator', group: 'politician' },
    },
    user: { name: 'Facilitator (Mayor)', color: GROUP_STYLES.politician.hex },
    ...extra,
  };
}

/** The presence another client is shown for `clientId`. */
interface Shown {
  presence?: { userId?: string; userName?: string; color?: string; cursor?: unknown; meta?: { role?: string; group?: string | null } };
  user?: { name?: string; color?: string };
}

/** Every raw state a listener was sent, as JSON text, in order. */
type Heard = Array<{ clientId: number; state: string }>;

/** A raw socket that hears every presence frame. */
function listen(server: RunningServer, workshopId: string, token: string): Promise<{ heard: Heard; socket: WebSocket }> {
  return new Promise((resolve, reject) => {
    const heard: Heard = [];
    const socket = new WebSocket(workshopSocketUrl(server.wsUrl, workshopId, token));
    socket.on('message', (data: Buffer) => {
      if (data[0] !== 1) return;
      const decoder = decoding.createDecoder(new Uint8Array(data));
      decoding.readVarUint(decoder);
      for (const entry of decodeAwarenessUpdate(decoding.readVarUint8Array(decoder))) {
        heard.push({ clientId: entry.clientId, state: new TextDecoder().decode(entry.state) });
      }
    });
    socket.once('open', () => resolve({ heard, socket }));
    socket.once('error', reject);
  });
}

describe('who a presence shows', () => {
  let server: RunningServer;
  let workshop: CreatedWorkshop;
  let watcher: TestClient;
  let heard: Heard;
  const clients: TestClient[] = [];
  const probes: ProbeSocket[] = [];
  const sockets: WebSocket[] = [];

  beforeAll(async () => {
    server = await startServer();
    // Created without a language: Danish, as every new workshop.
    workshop = await createWorkshop(server, { title: 'Presence identity' });
    watcher = connectClient(server, workshop.id, workshop.facilitatorToken);
    clients.push(watcher);
    await watcher.synced();
    const listener = await listen(server, workshop.id, workshop.facilitatorToken);
    heard = listener.heard;
    sockets.push(listener.socket);
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    for (const probe of probes) probe.close();
    for (const socket of sockets) socket.terminate();
    await server?.stop();
  });

  const shown = (clientId: number): Shown | undefined => watcher.provider.awareness.getStates().get(clientId) as Shown | undefined;
  const heardOf = (clientId: number): string[] => heard.filter((entry) => entry.clientId === clientId).map((entry) => entry.state);

  it("shows a citizen who claims to be the facilitator and the mayor with the citizen's own name, group and role", async () => {
    const citizen = await joinWorkshop(server, workshop.joinCode, 'citizen', 'Anna Berg');
    const impostor = await ProbeSocket.open(server.wsUrl, workshop.id, citizen.token);
    probes.push(impostor);
    const clientId = 101_001;

    // Rewritten, not refused: the person still shows, under their true name.
    expect(await impostor.send(awarenessFrame(awarenessUpdate(clientId, 1, JSON.stringify(mayorClaim(workshop.id)))))).toEqual({
      closed: false,
    });
    const citizenColor = GROUP_STYLES.citizen.hex;
    await eventually(() =>
      expect(shown(clientId)).toEqual({
        presence: {
          userId: `participant:${citizen.participantId}`,
          userName: 'Anna Berg',
          color: citizenColor,
          cursor: { x: 10, y: 20, type: 'default', rotation: 0 },
          meta: { role: 'participant', group: 'citizen' },
        },
        user: { name: 'Anna Berg', color: citizenColor },
      }),
    );
    expect(impostor.open).toBe(true);
    // The claim itself reached nobody.
    expect(heardOf(clientId).some((state) => state.includes('Mayor') || state.includes('facilitator'))).toBe(false);
  });

  it('shows an anonymous participant as its group, whatever name it claims', async () => {
    const anonymous = await joinWorkshop(server, workshop.joinCode, 'employee');
    const socket = await ProbeSocket.open(server.wsUrl, workshop.id, anonymous.token);
    probes.push(socket);
    const clientId = 202_002;
    const send = (clock: number, userName: string) =>
      socket.send(awarenessFrame(awarenessUpdate(clientId, clock, JSON.stringify({ presence: { userName, meta: {} }, user: { name: userName } }))));

    // Another group's name, or a person's: the group's name in the workshop's language.
    await send(1, GROUP_NAMES.en.politician);
    await eventually(() => expect(shown(clientId)?.presence?.userName).toBe(GROUP_NAMES.da.employee));
    expect(shown(clientId)?.user?.name).toBe(GROUP_NAMES.da.employee);
    expect(shown(clientId)?.presence?.meta).toEqual({ role: 'participant', group: 'employee' });
    await send(2, 'The Mayor');
    await eventually(() => expect(shown(clientId)?.presence).toMatchObject({ userName: GROUP_NAMES.da.employee, color: GROUP_STYLES.employee.hex }));

    // Its own group's name in the language of its browser is what its client shows: kept.
    await send(3, GROUP_NAMES.en.employee);
    await eventually(() => expect(shown(clientId)?.presence?.userName).toBe(GROUP_NAMES.en.employee));
    expect(socket.open).toBe(true);
  });

  it("keeps the facilitator's own role, and no group", async () => {
    const projector = connectClient(server, workshop.id, workshop.projectorToken);
    const facilitator = connectClient(server, workshop.id, workshop.facilitatorToken);
    clients.push(projector, facilitator);
    await Promise.all([projector.synced(), facilitator.synced()]);
    const presence = { userId: `facilitator:${workshop.id}`, userName: 'Facilitator', color: '#1d1d1f', meta: { role: 'facilitator', group: null } };
    facilitator.provider.awareness.setLocalStateField('presence', presence);
    const clientId = facilitator.provider.awareness.clientID;
    const seenByProjector = () => projector.provider.awareness.getStates().get(clientId);
    await eventually(() => expect(seenByProjector()).toEqual({ presence }));

    // A group claimed by the facilitator is not theirs either.
    const cursor = { x: 5, y: 5 };
    facilitator.provider.awareness.setLocalStateField('presence', { ...presence, cursor, meta: { role: 'facilitator', group: 'politician' } });
    await eventually(() => expect(seenByProjector()).toEqual({ presence: { ...presence, cursor } }));
  });

  it('relays an honest presence byte for byte, and one that names nobody untouched', async () => {
    const named = await joinWorkshop(server, workshop.joinCode, 'business', 'Bo');
    const socket = await ProbeSocket.open(server.wsUrl, workshop.id, named.token);
    probes.push(socket);
    const honest = JSON.stringify({
      presence: {
        userId: `participant:${named.participantId}`,
        userName: 'Bo',
        color: GROUP_STYLES.business.hex,
        meta: { role: 'participant', group: 'business' },
        cursor: { x: 1, y: 2 },
      },
    });
    await socket.send(awarenessFrame(awarenessUpdate(303_003, 1, honest)));
    await socket.send(awarenessFrame(awarenessUpdate(303_004, 1, '{ "cursor" : 7 }')));
    await eventually(() => {
      expect(heardOf(303_003)).toEqual([honest]);
      expect(heardOf(303_004)).toEqual(['{ "cursor" : 7 }']);
    });
  });

  it('drops a state that its true name would carry over the size limit, without cutting its sender off', async () => {
    const longName = 'N'.repeat(MAX_NAME_LENGTH);
    const participant = await joinWorkshop(server, workshop.joinCode, 'other', longName);
    const socket = await ProbeSocket.open(server.wsUrl, workshop.id, participant.token);
    probes.push(socket);
    const clientId = 404_004;
    const state = (padding: number) => JSON.stringify({ user: { name: 'N' }, padding: 'x'.repeat(padding) });
    const bare = state(0).length;
    // Just under the limit as sent; over it with the true name (and the group's colour).
    const atLimit = state(MAX_AWARENESS_STATE_BYTES - bare);
    expect(atLimit.length).toBe(MAX_AWARENESS_STATE_BYTES);
    expect(await socket.send(awarenessFrame(awarenessUpdate(clientId, 1, atLimit)))).toEqual({ closed: false });
    expect(await socket.send(awarenessFrame(awarenessUpdate(clientId, 2, state(10))))).toEqual({ closed: false });
    await eventually(() => expect(shown(clientId)).toEqual({ user: { name: longName, color: GROUP_STYLES.other.hex }, padding: 'x'.repeat(10) }));
    expect(heardOf(clientId)).toHaveLength(1);
  });
});
