import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { CLOSE_CODE } from '../../shared/protocol/closeCodes';
import { createWorkshop, joinWorkshop } from '../helpers/api';
import { addNote, deleteRecord, notesOf, setNoteText, type NoteAuthor } from '../helpers/board';
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

    const citizen: NoteAuthor = { participantId: participant.participantId, group: 'citizen' };
    addNote(author.doc, 'shape:secret', secret, citizen);
    // The secret also sits in an old version of a note that is retyped afterwards.
    addNote(author.doc, 'shape:draft', secret, citizen);
    for (let i = 0; i < FOLLOW_UP_EDITS; i++) {
      const id = `shape:n${i % 50}`;
      if (i < 50) addNote(author.doc, id, `edit ${i}`, citizen, 10 * i, 0);
      else setNoteText(author.doc, id, `edit ${i}`);
    }
    setNoteText(author.doc, 'shape:draft', 'nothing secret any more');
    deleteRecord(author.doc, 'shape:secret');
    addNote(author.doc, 'shape:secret-again', secret, citizen);
    addNote(neighbour.doc, 'shape:kept', 'still here', null);
    await eventually(() => expect(notesOf(facilitator.doc)['shape:secret-again']).toBe(secret));
    expect(author.closeCodes).toEqual([]);

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
    await eventually(() => expect(notesOf(back.doc)).toEqual({ 'shape:kept': 'still here' }));
    const gone = await fetch(`${server.url}/api/workshops/${workshop.id}`, {
      headers: { authorization: `Bearer ${workshop.facilitatorToken}` },
    });
    expect(gone.status).toBe(404);
  });
});
