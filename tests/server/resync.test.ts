import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkshop, type CreatedWorkshop } from '../helpers/api';
import { recordsOf } from '../../shared/schema';
import { addNote, notesOf } from '../helpers/board';
import { eventually } from '../helpers/eventually';
import { startServer, type RunningServer } from '../helpers/server';
import { connectClient, type TestClient } from '../helpers/yjsClient';

describe('an edit that arrives before the state it builds on', () => {
  let server: RunningServer;
  let workshop: CreatedWorkshop;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await startServer();
    workshop = await createWorkshop(server, { title: 'Resync' });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
  });

  it('keeps a client that types while reconnecting, and its offline work reaches everyone', async () => {
    const typist = connectClient(server, workshop.id, workshop.facilitatorToken);
    const other = connectClient(server, workshop.id, workshop.facilitatorToken);
    clients.push(typist, other);
    await Promise.all([typist.synced(), other.synced()]);
    addNote(typist.doc, 'shape:before', 'online', null);
    await eventually(() => expect(notesOf(other.doc)['shape:before']).toBe('online'));

    typist.provider.disconnect();
    addNote(typist.doc, 'shape:offline', 'typed while offline', null, 200, 100);
    // The stock provider sends this edit as soon as the socket opens, one round trip before
    // its sync step 2 carries the offline edit it continues.
    typist.provider.on('status', ({ status }: { status: string }) => {
      if (status === 'connected' && !recordsOf(typist.doc).has('shape:on-reconnect')) {
        addNote(typist.doc, 'shape:on-reconnect', 'typed during resync', null, 300, 100);
      }
    });
    typist.provider.connect();

    await eventually(() =>
      expect(notesOf(other.doc)).toEqual({
        'shape:before': 'online',
        'shape:offline': 'typed while offline',
        'shape:on-reconnect': 'typed during resync',
      }),
    );
    expect(typist.closeCodes).toEqual([]);
    expect(typist.provider.shouldConnect).toBe(true);
    expect(typist.provider.wsconnected).toBe(true);
  });
});
