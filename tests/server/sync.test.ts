import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsOf } from '../../shared/schema';
import { createWorkshop, joinWorkshop, type CreatedWorkshop } from '../helpers/api';
import { addNote, moveNote, notesOf, setNoteText } from '../helpers/board';
import { eventually } from '../helpers/eventually';
import { startServer, type RunningServer } from '../helpers/server';
import { connectClient, type TestClient } from '../helpers/yjsClient';

describe('clients editing one workshop', () => {
  let server: RunningServer;
  let workshop: CreatedWorkshop;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await startServer();
    workshop = await createWorkshop(server, { title: 'Sync' });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
  });

  it('converge, and a client joining late receives everything', async () => {
    const participant = await joinWorkshop(server, workshop.joinCode, 'citizen', 'Aviaja');
    const alice = connectClient(server, workshop.id, workshop.facilitatorToken);
    const bob = connectClient(server, workshop.id, participant.token);
    clients.push(alice, bob);
    await Promise.all([alice.synced(), bob.synced()]);

    addNote(alice.doc, 'shape:a', 'from the facilitator', null);
    addNote(bob.doc, 'shape:b', 'from a citizen', { participantId: participant.participantId, group: 'citizen' });
    await eventually(() => expect(notesOf(bob.doc)).toEqual({ 'shape:a': 'from the facilitator', 'shape:b': 'from a citizen' }));

    // At the same moment the facilitator retypes her note and the citizen moves it: each
    // changes its own field of the one record, and both changes are kept everywhere.
    setNoteText(alice.doc, 'shape:a', 'Many threads braided');
    moveNote(bob.doc, 'shape:a', 320, 240);

    await eventually(() => {
      expect(notesOf(bob.doc)).toEqual({ 'shape:a': 'Many threads braided', 'shape:b': 'from a citizen' });
      expect(notesOf(alice.doc)).toEqual(notesOf(bob.doc));
      expect(recordsOf(alice.doc).toJSON()).toEqual(recordsOf(bob.doc).toJSON());
      expect(recordsOf(alice.doc).get('shape:a')?.get('x')).toBe(320);
      expect(recordsOf(alice.doc).get('shape:a')?.get('y')).toBe(240);
    });
    expect(alice.closeCodes).toEqual([]);
    expect(bob.closeCodes).toEqual([]);

    const carol = connectClient(server, workshop.id, workshop.facilitatorToken);
    clients.push(carol);
    await carol.synced();
    await eventually(() => {
      expect(recordsOf(carol.doc).toJSON()).toEqual(recordsOf(alice.doc).toJSON());
      expect(notesOf(carol.doc)).toEqual(notesOf(alice.doc));
    });
  });
});
