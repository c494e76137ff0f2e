import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GROUPS } from '../../shared/domain/groups';
import { WRONG_CODE_BURST } from '../../server/http/WrongCodeBudget';
import { createWorkshop, joinWorkshop, type CreatedWorkshop } from '../helpers/api';
import { startServer, type RunningServer } from '../helpers/server';

interface Answer {
  status: number;
  body: unknown;
}

async function call(server: RunningServer, method: string, path: string, options: { body?: string; token?: string; contentType?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(`${server.url}${path}`, { method, headers, body: options.body });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : JSON.parse(text) };
}

/** Every error answer has the contract's shape and a 4xx status. */
function expectError(answer: Answer, status: number, code: string): void {
  expect(answer.status).toBe(status);
  expect(answer.body).toEqual({ error: code, message: expect.any(String) });
  expect((answer.body as { message: string }).message.length).toBeGreaterThan(5);
}

describe('the HTTP API', () => {
  let server: RunningServer;
  let workshop: CreatedWorkshop;

  beforeAll(async () => {
    server = await startServer();
    workshop = await createWorkshop(server, { title: '  Visionsdag i Nuuk  ', language: 'kl', template: 'vision-gathering' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('answers /healthz', async () => {
    expect(await call(server, 'GET', '/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('creates a workshop with unguessable ids, a short join code and links', () => {
    expect(workshop.title).toBe('Visionsdag i Nuuk');
    expect(Buffer.from(workshop.id, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(Buffer.from(workshop.facilitatorToken, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(workshop.projectorToken).not.toBe(workshop.facilitatorToken);
    expect(workshop.joinCode).toMatch(/^[2-9A-HJKMNP-Z]{6,8}$/);
    expect(workshop.urls).toEqual({
      facilitator: `${server.url}/w/${workshop.id}#token=${workshop.facilitatorToken}`,
      join: `${server.url}/join/${workshop.joinCode}`,
      projector: `${server.url}/p/${workshop.id}#token=${workshop.projectorToken}`,
    });
  });

  it('defaults the language to Danish and the template to blank', async () => {
    const created = await createWorkshop(server, { title: 'Standard' });
    const read = await call(server, 'GET', `/api/workshops/${created.id}`, { token: created.facilitatorToken });
    expect(read.body).toMatchObject({ language: 'da', template: 'blank' });
  });

  it('rejects bad bodies with 400 and the error shape', async () => {
    const bad = [
      '{"title": ""}',
      '{"title": "   "}',
      `{"title": "${'x'.repeat(201)}"}`,
      '{"title": "ok", "language": "de"}',
      '{"title": "ok", "template": "nope"}',
      '{"title": 42}',
      '{}',
      '[]',
      '"just a string"',
      'null',
    ];
    for (const body of bad) expectError(await call(server, 'POST', '/api/workshops', { body }), 400, 'invalid_body');
  });

  it('answers malformed JSON with 400, never 500', async () => {
    for (const body of ['{"title":', '{title: "x"}', '\u0000\u0001', '{"title":"a"}}']) {
      const answer = await call(server, 'POST', '/api/workshops', { body });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ error: expect.stringMatching(/^(bad_request|invalid_body)$/), message: expect.any(String) });
    }
  });

  it('refuses a body that is too large or not JSON', async () => {
    expectError(await call(server, 'POST', '/api/workshops', { body: JSON.stringify({ title: 'x'.repeat(100_000) }) }), 413, 'too_large');
    expectError(await call(server, 'POST', '/api/workshops', { body: 'title=x', contentType: 'application/x-www-form-urlencoded' }), 415, 'unsupported_media_type');
  });

  it('joins by code, case-insensitively, with or without a name', async () => {
    const named = await joinWorkshop(server, workshop.joinCode.toLowerCase(), 'politician', 'Naja');
    expect(named.workshopId).toBe(workshop.id);
    expect(named.participantId).toEqual(expect.any(String));
    expect(named.token).toEqual(expect.any(String));
    const anonymous = await joinWorkshop(server, workshop.joinCode, 'citizen');
    const read = await call(server, 'GET', `/api/workshops/${workshop.id}`, { token: anonymous.token });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ role: 'participant', participant: { id: anonymous.participantId, name: null, group: 'citizen' } });
  });

  it('rejects joins with a bad group or name', async () => {
    for (const body of [
      { joinCode: workshop.joinCode, group: 'wizard' },
      { joinCode: workshop.joinCode },
      { joinCode: workshop.joinCode, group: GROUPS[0], name: 'x'.repeat(81) },
      { group: GROUPS[0] },
    ]) {
      expectError(await call(server, 'POST', '/api/join', { body: JSON.stringify(body) }), 400, 'invalid_body');
    }
  });

  it('reads a workshop with any of its tokens', async () => {
    const facilitator = await call(server, 'GET', `/api/workshops/${workshop.id}`, { token: workshop.facilitatorToken });
    expect(facilitator.status).toBe(200);
    expect(facilitator.body).toEqual({
      id: workshop.id,
      title: 'Visionsdag i Nuuk',
      language: 'kl',
      template: 'vision-gathering',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      role: 'facilitator',
      joinCode: workshop.joinCode,
      urls: workshop.urls,
    });
    const projector = await call(server, 'GET', `/api/workshops/${workshop.id}`, { token: workshop.projectorToken });
    expect(projector.status).toBe(200);
    expect(projector.body).toMatchObject({ id: workshop.id, role: 'projector' });
    // The projector shows the join code in its corner; it never gets the facilitator's link.
    expect(projector.body).toMatchObject({ joinCode: workshop.joinCode });
    expect(JSON.stringify(projector.body)).not.toContain(workshop.facilitatorToken);
  });

  it('refuses reads without a token, with a wrong one, or with another workshop’s', async () => {
    const other = await createWorkshop(server, { title: 'Other' });
    expectError(await call(server, 'GET', `/api/workshops/${workshop.id}`), 401, 'unauthorized');
    expectError(await call(server, 'GET', `/api/workshops/${workshop.id}`, { token: 'wrong' }), 401, 'unauthorized');
    expectError(await call(server, 'GET', `/api/workshops/${workshop.id}`, { token: other.facilitatorToken }), 401, 'unauthorized');
  });

  it('answers 404 for an unknown workshop, join code, API path or socket path', async () => {
    expectError(await call(server, 'GET', '/api/workshops/AAAAAAAAAAAAAAAAAAAAAA', { token: 'whatever' }), 404, 'not_found');
    expectError(await call(server, 'POST', '/api/join', { body: JSON.stringify({ joinCode: 'ZZZZZZZ', group: 'citizen' }) }), 404, 'not_found');
    expectError(await call(server, 'GET', '/api/nothing-here'), 404, 'not_found');
    expectError(await call(server, 'GET', '/ws'), 404, 'not_found');
  });

  it('answers a URL that cannot be decoded with 400 and the error shape', async () => {
    expectError(await call(server, 'GET', '/api/workshops/%ZZ', { token: workshop.facilitatorToken }), 400, 'bad_request');
    expectError(await call(server, 'GET', '/api/workshops/%E0%A4%A', { token: workshop.facilitatorToken }), 400, 'bad_request');
  });

  it('lets only the facilitator delete, then the workshop is gone', async () => {
    const doomed = await createWorkshop(server, { title: 'Doomed' });
    const participant = await joinWorkshop(server, doomed.joinCode, 'business');
    expectError(await call(server, 'DELETE', `/api/workshops/${doomed.id}`), 401, 'unauthorized');
    expectError(await call(server, 'DELETE', `/api/workshops/${doomed.id}`, { token: participant.token }), 403, 'forbidden');
    expectError(await call(server, 'DELETE', `/api/workshops/${doomed.id}`, { token: doomed.projectorToken }), 403, 'forbidden');
    expect(await call(server, 'DELETE', `/api/workshops/${doomed.id}`, { token: doomed.facilitatorToken })).toEqual({ status: 204, body: null });
    expectError(await call(server, 'GET', `/api/workshops/${doomed.id}`, { token: doomed.facilitatorToken }), 404, 'not_found');
    expectError(await call(server, 'POST', '/api/join', { body: JSON.stringify({ joinCode: doomed.joinCode, group: 'citizen' }) }), 404, 'not_found');
  });
});

describe('the HTTP API with FLET_ADMIN_TOKEN set', () => {
  const adminToken = 'admin-secret-for-tests';
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({ env: { FLET_ADMIN_TOKEN: adminToken } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('creates workshops only with the admin token', async () => {
    const body = JSON.stringify({ title: 'Admin only' });
    expectError(await call(server, 'POST', '/api/workshops', { body }), 401, 'unauthorized');
    expectError(await call(server, 'POST', '/api/workshops', { body, token: 'guess' }), 401, 'unauthorized');
    const created = await createWorkshop(server, { title: 'Admin only' }, { adminToken });
    expect(created.title).toBe('Admin only');
  });
});

describe('guessing join codes', () => {
  let server: RunningServer;
  let workshop: CreatedWorkshop;

  beforeAll(async () => {
    server = await startServer();
    workshop = await createWorkshop(server, { title: 'Guarded' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('lets a room behind one address mistype its code many times and still join', async () => {
    // Venue Wi-Fi: a whole room shares one public address, and people mistype.
    for (let i = 0; i < 30; i++) {
      expectError(await call(server, 'POST', '/api/join', { body: JSON.stringify({ joinCode: `TYPO${i}`, group: 'other' }) }), 404, 'not_found');
    }
    expect((await call(server, 'POST', '/api/join', { body: JSON.stringify({ joinCode: workshop.joinCode, group: 'citizen' }) })).status).toBe(200);
  });

  it('answers 429 after too many wrong join codes from one address', async () => {
    const statuses: number[] = [];
    // The previous test spent 30 of this address's wrong codes.
    const left = WRONG_CODE_BURST - 30;
    for (let i = 0; i < left + 2; i++) {
      const answer = await call(server, 'POST', '/api/join', { body: JSON.stringify({ joinCode: `WRONG${i}`, group: 'other' }) });
      statuses.push(answer.status);
      if (answer.status === 429) expectError(answer, 429, 'too_many_requests');
    }
    expect(statuses.slice(0, left)).toEqual(Array(left).fill(404));
    expect(statuses.slice(left)).toEqual([429, 429]);
    // Even the right code is refused while the address is locked out (else guessing would go on).
    expectError(await call(server, 'POST', '/api/join', { body: JSON.stringify({ joinCode: workshop.joinCode, group: 'other' }) }), 429, 'too_many_requests');
  });
});
