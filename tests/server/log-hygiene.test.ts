import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { CLOSE_CODE } from '../../shared/protocol/closeCodes';
import { TOP_LEVEL } from '../../shared/schema';
import { createWorkshop, joinWorkshop } from '../helpers/api';
import { addNote, noteRecord, notesOf } from '../helpers/board';
import { eventually } from '../helpers/eventually';
import { build, updateFrame } from '../helpers/frames';
import { ProbeSocket } from '../helpers/probeSocket';
import { serverOutput, startServer, type RunningServer } from '../helpers/server';
import { connectClient, type TestClient } from '../helpers/yjsClient';

describe('the server log', () => {
  let server: RunningServer;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
  });

  it('names workshops but never contains tokens, names or note text', async () => {
    const secret = `Hemmelig note ${randomUUID()}`;
    const name = `Deltager ${randomUUID()}`;
    const workshop = await createWorkshop(server, { title: 'Logs' });
    const participant = await joinWorkshop(server, workshop.joinCode, 'citizen', name);
    await fetch(`${server.url}/api/workshops/${workshop.id}`, { headers: { authorization: `Bearer ${participant.token}` } });
    await fetch(`${server.url}/api/workshops/${workshop.id}`, { headers: { authorization: `Bearer wrong-${workshop.facilitatorToken}` } });

    const client = connectClient(server, workshop.id, participant.token);
    const reader = connectClient(server, workshop.id, workshop.projectorToken);
    clients.push(client, reader);
    await Promise.all([client.synced(), reader.synced()]);
    addNote(client.doc, 'shape:n', secret, { participantId: participant.participantId, group: 'citizen' });
    await eventually(() => expect(notesOf(reader.doc)['shape:n']).toBe(secret));

    // A broken update whose JSON content quotes the note: its error must not reach the log.
    const broken = build((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, 4242);
      encoding.writeVarUint(e, 0);
      encoding.writeUint8(e, 2); // JSON content
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, TOP_LEVEL.records);
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, `{"text": "${secret}`);
      encoding.writeVarUint(e, 0);
    });
    const socket = await ProbeSocket.open(server.wsUrl, workshop.id, participant.token);
    expect((await socket.send(updateFrame(broken))).closed).toBe(true);
    socket.close();

    // A well-formed note the gate forbids (another group's colour) whose text is the secret:
    // the refusal is logged, its content is not.
    const forged = new Y.Doc();
    forged.transact(() => {
      const fields = new Y.Map<unknown>();
      forged.getMap(TOP_LEVEL.records).set('shape:forbidden', fields);
      const note = noteRecord('shape:forbidden', secret, { participantId: participant.participantId, group: 'citizen' });
      for (const [key, value] of Object.entries(note)) fields.set(key, key === 'props' ? { ...(value as object), color: 'violet' } : value);
    });
    const refused = await ProbeSocket.open(server.wsUrl, workshop.id, participant.token);
    expect(await refused.send(updateFrame(Y.encodeStateAsUpdate(forged)))).toEqual({ closed: true, code: CLOSE_CODE.forbidden });
    refused.close();
    expect(notesOf(reader.doc)['shape:forbidden']).toBeUndefined();

    const log = await eventually(() => {
      const text = serverOutput(server);
      expect(text).toContain('update refused');
      expect(text).toContain('update forbidden');
      return text;
    });
    expect(log).toContain(workshop.id);
    for (const forbidden of [secret, name, workshop.facilitatorToken, workshop.projectorToken, participant.token]) {
      expect(log.includes(forbidden)).toBe(false);
    }
  });
});
