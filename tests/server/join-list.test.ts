import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listedParticipant } from '../../shared/domain/participants';
import { participantsOf } from '../../shared/schema';
import { createWorkshop, joinWorkshop, type CreatedWorkshop } from '../helpers/api';
import { eventually } from '../helpers/eventually';
import { startServer, type RunningServer } from '../helpers/server';
import { connectClient, type TestClient } from '../helpers/yjsClient';

describe('joining a workshop', () => {
  let server: RunningServer;
  let workshop: CreatedWorkshop;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await startServer();
    workshop = await createWorkshop(server, { title: 'Deltagere' });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
  });

  it('lists the participant in the workshop for everyone connected, and for those who come later', async () => {
    const facilitator = connectClient(server, workshop.id, workshop.facilitatorToken);
    clients.push(facilitator);
    await facilitator.synced();
    const named = await joinWorkshop(server, workshop.joinCode, 'citizen', '  Aviaja  ');
    const anonymous = await joinWorkshop(server, workshop.joinCode, 'business');
    await eventually(() => {
      expect(listedParticipant(facilitator.doc, named.participantId)).toEqual({ name: 'Aviaja', group: 'citizen' });
      expect(listedParticipant(facilitator.doc, anonymous.participantId)).toEqual({ name: null, group: 'business' });
    });

    await server.stop();
    server = await startServer({ dataDir: server.dataDir });
    const later = connectClient(server, workshop.id, anonymous.token);
    clients.push(later);
    await later.synced();
    expect(participantsOf(later.doc).size).toBe(2);
    expect(listedParticipant(later.doc, named.participantId)).toEqual({ name: 'Aviaja', group: 'citizen' });
  });
});
