import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkshop, joinWorkshop } from '../helpers/api';
import { startServer, type RunningServer } from '../helpers/server';

async function joinAnswer(server: RunningServer, joinCode: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.url}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ joinCode, group: 'employee' }),
  });
  return { status: response.status, body: await response.json() };
}

describe('the most participants a workshop takes', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({ env: { FLET_MAX_PARTICIPANTS: '3' } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('refuses the fourth join of a workshop that takes three, in a sentence', async () => {
    const workshop = await createWorkshop(server, { title: 'Lille workshop' });
    for (let i = 0; i < 3; i++) await joinWorkshop(server, workshop.joinCode, 'citizen');
    const refused = await joinAnswer(server, workshop.joinCode);
    expect(refused).toEqual({
      status: 409,
      body: { error: 'workshop_full', message: 'This workshop is full: it already has 3 participants, the most it takes. Please tell the facilitator.' },
    });
  });

  it('lets people join other workshops meanwhile', async () => {
    const other = await createWorkshop(server, { title: 'En anden workshop' });
    for (let i = 0; i < 3; i++) await joinWorkshop(server, other.joinCode, 'politician');
    expect((await joinAnswer(server, other.joinCode)).status).toBe(409);
    const third = await createWorkshop(server, { title: 'En tredje workshop' });
    expect((await joinAnswer(server, third.joinCode)).status).toBe(200);
  });

  it('never lets joins that arrive together take more places than there are', async () => {
    const workshop = await createWorkshop(server, { title: 'Travl workshop' });
    const answers = await Promise.all(Array.from({ length: 12 }, () => joinAnswer(server, workshop.joinCode)));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(3);
    expect(answers.filter((answer) => answer.status === 409)).toHaveLength(9);
  });

  it('does not count a full workshop’s refusals as wrong codes', async () => {
    const workshop = await createWorkshop(server, { title: 'Fuld workshop' });
    for (let i = 0; i < 3; i++) await joinWorkshop(server, workshop.joinCode, 'business');
    // Well beyond the wrong-code burst: every answer still says full, none says "too many".
    const statuses = [];
    for (let i = 0; i < 120; i++) statuses.push((await joinAnswer(server, workshop.joinCode)).status);
    expect(new Set(statuses)).toEqual(new Set([409]));
  });
});
