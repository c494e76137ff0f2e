import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkshop, type CreatedWorkshop } from '../helpers/api';
import { addNote, notesOf } from '../helpers/board';
import { eventually } from '../helpers/eventually';
import { startServer, type RunningServer } from '../helpers/server';
import { connectClient, type TestClient } from '../helpers/yjsClient';

describe('the projector is read-only', () => {
  let server: RunningServer;
  let workshop: CreatedWorkshop;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await startServer();
    workshop = await createWorkshop(server, { title: 'Projector' });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
  });

  it('sees the board, but its edits reach no one and are not stored, even after a restart', async () => {
    const facilitator = connectClient(server, workshop.id, workshop.facilitatorToken);
    const projector = connectClient(server, workshop.id, workshop.projectorToken);
    clients.push(facilitator, projector);
    await Promise.all([facilitator.synced(), projector.synced()]);

    // The projector reads what the facilitator writes.
    addNote(facilitator.doc, 'shape:agenda', 'Welcome', null);
    await eventually(() => expect(notesOf(projector.doc)['shape:agenda']).toBe('Welcome'));

    // The projector writes; then the facilitator writes again. Once the facilitator's later
    // edit has reached the projector, any relay of the projector's edit would have happened.
    addNote(projector.doc, 'shape:graffiti', 'from the projector', null);
    addNote(facilitator.doc, 'shape:step', 'Step 2', null);
    await eventually(() => expect(notesOf(projector.doc)['shape:step']).toBe('Step 2'));
    const late = connectClient(server, workshop.id, workshop.facilitatorToken);
    clients.push(late);
    await late.synced();
    await eventually(() => expect(notesOf(late.doc)['shape:step']).toBe('Step 2'));
    expect(notesOf(facilitator.doc)['shape:graffiti']).toBeUndefined();
    expect(notesOf(late.doc)['shape:graffiti']).toBeUndefined();
    // The projector stays connected for reading.
    expect(projector.provider.wsconnected).toBe(true);
    expect(projector.closeCodes).toEqual([]);

    for (const client of clients.splice(0)) client.destroy();
    await server.stop();
    server = await startServer({ dataDir: server.dataDir });
    const afterRestart = connectClient(server, workshop.id, workshop.facilitatorToken);
    clients.push(afterRestart);
    await afterRestart.synced();
    await eventually(() => expect(notesOf(afterRestart.doc)).toEqual({ 'shape:agenda': 'Welcome', 'shape:step': 'Step 2' }));
  });
});
