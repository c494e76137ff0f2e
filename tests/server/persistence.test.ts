import { afterAll, describe, expect, it } from 'vitest';
import { recordsOf } from '../../shared/schema';
import { createWorkshop } from '../helpers/api';
import { addNote, deleteRecord, notesOf, setNoteText } from '../helpers/board';
import { eventually } from '../helpers/eventually';
import { startServer, type RunningServer } from '../helpers/server';
import { connectClient, type TestClient } from '../helpers/yjsClient';

/** Enough notes to pass the compaction threshold, so the snapshot path is exercised too. */
const NOTES = 600;

describe('a restarted server', () => {
  let server: RunningServer | undefined;
  const clients: TestClient[] = [];

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
  });

  it('keeps every note, text and deletion after a graceful restart', async () => {
    server = await startServer();
    const workshop = await createWorkshop(server, { title: 'Persistence' });
    const writer = connectClient(server, workshop.id, workshop.facilitatorToken);
    clients.push(writer);
    await writer.synced();

    for (let i = 0; i < NOTES; i++) addNote(writer.doc, `shape:note-${i}`, `Note number ${i}`, null, i, 2 * i);
    deleteRecord(writer.doc, 'shape:note-7');
    setNoteText(writer.doc, 'shape:note-3', 'Vi fletter trådene sammen.');
    const expected = { notes: notesOf(writer.doc), records: recordsOf(writer.doc).toJSON() };
    expect(Object.keys(expected.notes)).toHaveLength(NOTES - 1);

    // A second client proves the server holds everything before we stop it.
    const reader = connectClient(server, workshop.id, workshop.facilitatorToken);
    clients.push(reader);
    await reader.synced();
    await eventually(() => expect(recordsOf(reader.doc).toJSON()).toEqual(expected.records));

    for (const client of clients.splice(0)) client.destroy();
    await server.stop();
    expect(server.process.exitCode).toBe(0);

    server = await startServer({ dataDir: server.dataDir });
    const fresh = connectClient(server, workshop.id, workshop.facilitatorToken);
    clients.push(fresh);
    await fresh.synced();
    await eventually(() => {
      expect(notesOf(fresh.doc)).toEqual(expected.notes);
      expect(recordsOf(fresh.doc).toJSON()).toEqual(expected.records);
    });
    expect(notesOf(fresh.doc)['shape:note-3']).toBe('Vi fletter trådene sammen.');
    expect(recordsOf(fresh.doc).has('shape:note-7')).toBe(false);
  });
});
