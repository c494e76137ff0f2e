import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WRONG_CODE_BURST, WRONG_CODE_REFILL_SECONDS } from '../../server/http/WrongCodeBudget';
import { createWorkshop, type CreatedWorkshop } from '../helpers/api';
import { eventually } from '../helpers/eventually';
import { startServer, type RunningServer } from '../helpers/server';

interface JoinAnswer {
  status: number;
  body: unknown;
  retryAfter: string | null;
}

/** Joins by code; `from` sets X-Forwarded-For (the server trusts it in these tests). */
async function join(server: RunningServer, joinCode: string, from?: string): Promise<JoinAnswer> {
  const response = await fetch(`${server.url}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(from ? { 'x-forwarded-for': from } : {}) },
    body: JSON.stringify({ joinCode, group: 'citizen' }),
  });
  return { status: response.status, body: await response.json(), retryAfter: response.headers.get('retry-after') };
}

describe('guessing join codes', () => {
  let server: RunningServer;
  let workshop: CreatedWorkshop;

  beforeAll(async () => {
    // Behind a proxy, so each test can speak from an address of its own.
    server = await startServer({ env: { FLET_TRUST_PROXY: '1' } });
    workshop = await createWorkshop(server, { title: 'Borgermøde i Kerteminde' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('slows a crowd behind one address after a burst of wrong codes, and lets it in again within seconds', async () => {
    const venue = '198.51.100.7';
    const started = Date.now();
    const wrong: JoinAnswer[] = [];
    for (let i = 0; i < 150; i++) wrong.push(await join(server, `WRONG${String(i).padStart(2, '0')}`, venue));
    const floodMs = Date.now() - started;

    expect(wrong.slice(0, WRONG_CODE_BURST).map((answer) => answer.status)).toEqual(Array(WRONG_CODE_BURST).fill(404));
    const afterBurst = wrong.slice(WRONG_CODE_BURST);
    for (const answer of afterBurst) {
      if (answer.status !== 429) continue;
      expect(answer.body).toEqual({ error: 'too_many_requests', message: expect.stringMatching(/wait a few seconds/) });
      expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(answer.retryAfter)).toBeLessThanOrEqual(WRONG_CODE_REFILL_SECONDS);
    }
    // While the budget is empty every wrong code is refused; the steady refill may have let
    // one more through for each refill period the flood lasted.
    const refills = Math.floor(floodMs / (WRONG_CODE_REFILL_SECONDS * 1000));
    const letThrough = afterBurst.filter((answer) => answer.status === 404).length;
    expect(afterBurst.every((answer) => answer.status === 429 || answer.status === 404)).toBe(true);
    expect(letThrough).toBeLessThanOrEqual(refills);
    if (refills === 0) expect(afterBurst.map((answer) => answer.status)).toEqual(Array(50).fill(429));

    // A right code is refused too while the budget is empty (else the answers would tell a
    // right guess from a wrong one), and gets in as soon as the budget refills.
    const refusedRight = await join(server, workshop.joinCode, venue);
    expect(refusedRight.status).toBe(429);
    const waitStarted = Date.now();
    const joined = await eventually(
      async () => {
        const answer = await join(server, workshop.joinCode, venue);
        if (answer.status !== 200) throw new Error(`join answered ${answer.status}`);
        return answer.body as { token: string };
      },
      { timeout: 10_000, interval: 250 },
    );
    expect(joined.token).toEqual(expect.any(String));
    expect(Date.now() - waitStarted).toBeLessThan(WRONG_CODE_REFILL_SECONDS * 1000 + 1_000);
  });

  it('does not count right codes', async () => {
    const venue = '198.51.100.8';
    const started = Date.now();
    // One wrong code first, so the right ones that follow are paid from the burst and given back to it.
    expect((await join(server, 'TYPO000', venue)).status).toBe(404);
    for (let i = 0; i < WRONG_CODE_BURST + 20; i++) expect((await join(server, workshop.joinCode, venue)).status).toBe(200);
    const wrong = [];
    for (let i = 1; i < WRONG_CODE_BURST; i++) wrong.push((await join(server, `TYPO${i}`, venue)).status);
    expect(wrong).toEqual(Array(WRONG_CODE_BURST - 1).fill(404));
    // The budget is exactly spent: no refund went to the wrong place and made room for more.
    const beyond = [];
    for (let i = 0; i < 5; i++) beyond.push((await join(server, `MORE${i}`, venue)).status);
    const refills = Math.floor((Date.now() - started) / (WRONG_CODE_REFILL_SECONDS * 1000));
    expect(beyond.filter((status) => status === 404).length).toBeLessThanOrEqual(refills);
  });

  it('keeps other addresses apart, and counts one IPv6 subscriber (a /64) as one address', async () => {
    for (let i = 0; i < WRONG_CODE_BURST; i++) await join(server, `GUESS${i}`, `2001:db8:5:6::${(i + 1).toString(16)}`);
    expect((await join(server, 'GUESSXX', '2001:db8:5:6:ffff::1')).status).toBe(429);
    expect((await join(server, 'GUESSXX', '2001:db8:5:7::1')).status).toBe(404);
    expect((await join(server, workshop.joinCode, '203.0.113.9')).status).toBe(200);
  });
});
