import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkshop, type CreatedWorkshop } from '../helpers/api';
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
    const notes = typist.doc.getMap<string>('notes');
    notes.set('before', 'online');
    await eventually(() => expect(other.doc.getMap('notes').get('before')).toBe('online'));

    typist.provider.disconnect();
    notes.set('offline', 'typed while offline');
    // The stock provider sends this edit as soon as the socket opens, one round trip before
    // its sync step 2 carries the offline edit it continues.
    typist.provider.on('status', ({ status }: { status: string }) => {
      if (status === 'connected' && !notes.has('on-reconnect')) notes.set('on-reconnect', 'typed during resync');
    });
    typist.provider.connect();

    await eventually(() =>
      expect(other.doc.getMap('notes').toJSON()).toEqual({
        before: 'online',
        offline: 'typed while offline',
        'on-reconnect': 'typed during resync',
      }),
    );
    expect(typist.closeCodes).toEqual([]);
    expect(typist.provider.shouldConnect).toBe(true);
    expect(typist.provider.wsconnected).toBe(true);
  });
});
