import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkshop, joinWorkshop, type CreatedWorkshop } from '../helpers/api';
import { eventually } from '../helpers/eventually';
import { openRawSocket, workshopSocketUrl } from '../helpers/rawSocket';
import { startServer, type RunningServer } from '../helpers/server';
import { connectClient } from '../helpers/yjsClient';

describe('who may open a workshop socket', () => {
  let server: RunningServer;
  let workshop: CreatedWorkshop;
  let other: CreatedWorkshop;

  beforeAll(async () => {
    server = await startServer();
    workshop = await createWorkshop(server, { title: 'Mine' });
    other = await createWorkshop(server, { title: 'Someone else’s' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('refuses a socket without a token with 401', async () => {
    const outcome = await openRawSocket(workshopSocketUrl(server.wsUrl, workshop.id));
    expect(outcome).toEqual({ opened: false, status: 401 });
  });

  it('refuses a wrong token with 401', async () => {
    const outcome = await openRawSocket(workshopSocketUrl(server.wsUrl, workshop.id, 'not-a-real-token'));
    expect(outcome).toEqual({ opened: false, status: 401 });
  });

  it('refuses the token of another workshop with 401', async () => {
    for (const token of [other.facilitatorToken, other.projectorToken]) {
      const outcome = await openRawSocket(workshopSocketUrl(server.wsUrl, workshop.id, token));
      expect(outcome).toEqual({ opened: false, status: 401 });
    }
  });

  it('refuses a valid token on a path that is not a workshop socket', async () => {
    const outcome = await openRawSocket(`${server.wsUrl}/${workshop.id}/extra?token=${workshop.facilitatorToken}`);
    expect(outcome).toEqual({ opened: false, status: 404 });
  });

  it('lets the facilitator, the projector and a participant in', async () => {
    const participant = await joinWorkshop(server, workshop.joinCode, 'employee');
    for (const token of [workshop.facilitatorToken, workshop.projectorToken, participant.token]) {
      const outcome = await openRawSocket(workshopSocketUrl(server.wsUrl, workshop.id, token));
      expect(outcome.opened).toBe(true);
      if (outcome.opened) outcome.socket.terminate();
    }
  });

  it('a stock client with a wrong token is turned away and never syncs', async () => {
    const client = connectClient(server, workshop.id, 'wrong', { reconnect: false });
    let refusals = 0;
    client.provider.on('connection-error', () => {
      refusals += 1;
    });
    try {
      await eventually(() => expect(refusals).toBeGreaterThan(0));
      expect(client.provider.synced).toBe(false);
      expect(client.doc.getMap('notes').size).toBe(0);
    } finally {
      client.destroy();
    }
  });
});
