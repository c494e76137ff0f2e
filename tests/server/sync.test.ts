import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkshop, joinWorkshop, type CreatedWorkshop } from '../helpers/api';
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

    alice.doc.getMap('notes').set('a', 'from the facilitator');
    bob.doc.getMap('notes').set('b', 'from a citizen');
    const text = alice.doc.getText('narrative');
    text.insert(0, 'Many threads ');
    bob.doc.getText('narrative').insert(0, 'braided: ');

    await eventually(() => {
      expect(bob.doc.getMap('notes').toJSON()).toEqual({ a: 'from the facilitator', b: 'from a citizen' });
      expect(alice.doc.getMap('notes').toJSON()).toEqual(bob.doc.getMap('notes').toJSON());
      expect(alice.doc.getText('narrative').toString()).toBe(bob.doc.getText('narrative').toString());
      expect(alice.doc.getText('narrative').length).toBe('Many threads braided: '.length);
    });

    const carol = connectClient(server, workshop.id, workshop.facilitatorToken);
    clients.push(carol);
    await carol.synced();
    await eventually(() => {
      expect(carol.doc.getMap('notes').toJSON()).toEqual(alice.doc.getMap('notes').toJSON());
      expect(carol.doc.getText('narrative').toString()).toBe(alice.doc.getText('narrative').toString());
    });
  });
});
