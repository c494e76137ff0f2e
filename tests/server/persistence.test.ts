import { afterAll, describe, expect, it } from 'vitest';
import { createWorkshop } from '../helpers/api';
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

    const notes = writer.doc.getMap<string>('notes');
    for (let i = 0; i < NOTES; i++) notes.set(`note-${i}`, `Note number ${i}`);
    notes.delete('note-7');
    writer.doc.getText('narrative').insert(0, 'Vi fletter trådene sammen.');
    const expected = { notes: notes.toJSON(), narrative: writer.doc.getText('narrative').toString() };

    // A second client proves the server holds everything before we stop it.
    const reader = connectClient(server, workshop.id, workshop.facilitatorToken);
    clients.push(reader);
    await reader.synced();
    await eventually(() => expect(reader.doc.getMap('notes').toJSON()).toEqual(expected.notes));

    for (const client of clients.splice(0)) client.destroy();
    await server.stop();
    expect(server.process.exitCode).toBe(0);

    server = await startServer({ dataDir: server.dataDir });
    const fresh = connectClient(server, workshop.id, workshop.facilitatorToken);
    clients.push(fresh);
    await fresh.synced();
    await eventually(() => {
      expect(fresh.doc.getMap('notes').toJSON()).toEqual(expected.notes);
      expect(fresh.doc.getText('narrative').toString()).toBe(expected.narrative);
    });
    expect(fresh.doc.getMap('notes').has('note-7')).toBe(false);
  });
});
