import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockOffset, type ClockSample } from '../../shared/domain/timer';
import type { WorkshopInfo } from '../../shared/protocol/httpApi';
import { createWorkshop, joinWorkshop, type CreatedWorkshop } from '../helpers/api';
import { startServer, type RunningServer } from '../helpers/server';

/**
 * The HTTP side of running a workshop, against a real server process: the server's clock
 * that every device sets the shared timer by, and what the projector reads to show the room
 * how to join.
 */

let server: RunningServer;
let workshop: CreatedWorkshop;

beforeAll(async () => {
  server = await startServer();
  workshop = await createWorkshop(server, { title: 'Rollemøde', language: 'sv' });
});

afterAll(async () => {
  await server?.stop();
});

async function info(token: string): Promise<{ status: number; body: WorkshopInfo; text: string }> {
  const response = await fetch(`${server.url}/api/workshops/${workshop.id}`, { headers: { authorization: `Bearer ${token}` } });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as WorkshopInfo, text };
}

describe('GET /api/time', () => {
  it('answers the server’s clock, which no cache may keep, and needs no token', async () => {
    const samples: ClockSample[] = [];
    for (let i = 0; i < 3; i++) {
      const sentAt = Date.now();
      const response = await fetch(`${server.url}/api/time`);
      const receivedAt = Date.now();
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await response.json()) as { now: unknown };
      expect(Object.keys(body)).toEqual(['now']);
      expect(Number.isInteger(body.now)).toBe(true);
      // Same machine, same clock: the answer was written while the request was under way.
      expect(body.now as number).toBeGreaterThanOrEqual(sentAt);
      expect(body.now as number).toBeLessThanOrEqual(receivedAt);
      samples.push({ sentAt, receivedAt, serverTime: body.now as number });
    }
    expect(Math.abs(clockOffset(samples))).toBeLessThan(1000);
  });

  it('answers nothing else there', async () => {
    const response = await fetch(`${server.url}/api/time`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: expect.any(String) });
  });
});

describe('what the projector reads', () => {
  it('the join code and the join link, to show the room, and never a token', async () => {
    const projector = await info(workshop.projectorToken);
    expect(projector.status).toBe(200);
    expect(projector.body).toEqual({
      id: workshop.id,
      title: 'Rollemøde',
      language: 'sv',
      template: 'blank',
      createdAt: expect.any(String),
      role: 'projector',
      joinCode: workshop.joinCode,
      urls: { join: workshop.urls.join },
    });
    expect(projector.body.urls?.join).toBe(`${server.url}/join/${workshop.joinCode}`);
    expect(projector.text).not.toContain(workshop.facilitatorToken);
    expect(projector.text).not.toContain(workshop.projectorToken);
  });

  it('the facilitator still reads every link; a participant reads neither code nor links', async () => {
    const facilitator = await info(workshop.facilitatorToken);
    expect(facilitator.body).toMatchObject({ role: 'facilitator', joinCode: workshop.joinCode, urls: workshop.urls });
    const joined = await joinWorkshop(server, workshop.joinCode, 'manager', 'Karin');
    const participant = await info(joined.token);
    expect(participant.body).toMatchObject({ role: 'participant', participant: { id: joined.participantId, name: 'Karin', group: 'manager' } });
    expect(participant.body).not.toHaveProperty('joinCode');
    expect(participant.body).not.toHaveProperty('urls');
  });
});
