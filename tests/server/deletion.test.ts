import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { CLOSE_CODE } from '../../shared/protocol/closeCodes';
import { createWorkshop, joinWorkshop } from '../helpers/api';
import { filesContaining } from '../helpers/dataDir';
import { eventually } from '../helpers/eventually';
import { startServer, type RunningServer } from '../helpers/server';
import { connectClient, type TestClient } from '../helpers/yjsClient';

/** Edits after the secret note, so its bytes sit in the log, the snapshot and freed pages. */
const FOLLOW_UP_EDITS = 700;

describe('deleting a workshop', () => {
  let server: RunningServer | undefined;
  const clients: TestClient[] = [];

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
  });

  it('closes its sockets and leaves no trace of its notes in the data directory', async () => {
    server = await startServer();
    const workshop = await createWorkshop(server, { title: 'To be forgotten' });
    const keep = await createWorkshop(server, { title: 'Stays' });
    const secret = `Borgerens hemmelige note ${randomUUID()}`;
    const secretName = `Navn ${randomUUID()}`;
    const participant = await joinWorkshop(server, workshop.joinCode, 'citizen', secretName);

    const author = connectClient(server, workshop.id, participant.token);
    const facilitator = connectClient(server, workshop.id, workshop.facilitatorToken);
    const neighbour = connectClient(server, keep.id, keep.facilitatorToken);
    clients.push(author, facilitator, neighbour);
    await Promise.all([author.synced(), facilitator.synced(), neighbour.synced()]);

    author.doc.getMap('notes').set('secret', secret);
    author.doc.getText('draft').insert(0, secret);
    for (let i = 0; i < FOLLOW_UP_EDITS; i++) author.doc.getMap('notes').set(`n${i % 50}`, `edit ${i}`);
    author.doc.getMap('notes').delete('secret');
    author.doc.getMap('notes').set('secret-again', secret);
    neighbour.doc.getMap('notes').set('kept', 'still here');
    await eventually(() => expect(facilitator.doc.getMap('notes').get('secret-again')).toBe(secret));

    // The grep works: before deletion the text is on disk.
    expect(filesContaining(server.dataDir, secret).length).toBeGreaterThan(0);
    expect(filesContaining(server.dataDir, secretName).length).toBeGreaterThan(0);

    const response = await fetch(`${server.url}/api/workshops/${workshop.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${workshop.facilitatorToken}` },
    });
    expect(response.status).toBe(204);

    await eventually(() => {
      expect(author.closeCodes).toContain(CLOSE_CODE.workshopDeleted);
      expect(facilitator.closeCodes).toContain(CLOSE_CODE.workshopDeleted);
    });
    expect(filesContaining(server.dataDir, secret)).toEqual([]);
    expect(filesContaining(server.dataDir, secretName)).toEqual([]);

    // Nor does it come back after a restart, and the neighbouring workshop is untouched.
    for (const client of clients.splice(0)) client.destroy();
    await server.stop();
    expect(filesContaining(server.dataDir, secret)).toEqual([]);
    server = await startServer({ dataDir: server.dataDir });
    const back = connectClient(server, keep.id, keep.facilitatorToken);
    clients.push(back);
    await back.synced();
    await eventually(() => expect(back.doc.getMap('notes').get('kept')).toBe('still here'));
    const gone = await fetch(`${server.url}/api/workshops/${workshop.id}`, {
      headers: { authorization: `Bearer ${workshop.facilitatorToken}` },
    });
    expect(gone.status).toBe(404);
  });
});
