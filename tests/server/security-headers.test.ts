import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkshop, type CreatedWorkshop } from '../helpers/api';
import { startServer, type RunningServer } from '../helpers/server';

/** A stand-in for the built client: the headers do not depend on what the files hold. */
function fakeClientDir(): string {
  const clientDir = mkdtempSync(path.join(os.tmpdir(), 'flet-client-'));
  writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Flet</title><div id="root"></div>');
  mkdirSync(path.join(clientDir, 'assets'));
  writeFileSync(path.join(clientDir, 'assets', 'app.js'), 'console.log("flet")');
  return clientDir;
}

/** The policy's directives by name, each with its sources. */
function directives(response: Response): Map<string, string[]> {
  const header = response.headers.get('content-security-policy');
  expect(header, `no Content-Security-Policy on ${response.url}`).toBeTruthy();
  const parsed = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) parsed.set(name, sources);
  }
  return parsed;
}

function expectSecurityHeaders(response: Response, port: number): void {
  const policy = directives(response);
  const scripts = policy.get('script-src') ?? policy.get('default-src') ?? [];
  expect(scripts).toContain("'self'");
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('img-src')).toEqual(expect.arrayContaining(["'self'", 'data:', 'blob:']));
  expect(policy.get('connect-src')).toEqual(
    expect.arrayContaining(["'self'", `ws://127.0.0.1:${port}`, `wss://127.0.0.1:${port}`]),
  );
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  // A board on plain HTTP in a local network must not be sent to an https:// that is not there.
  expect(policy.has('upgrade-insecure-requests')).toBe(false);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
}

describe('security headers', () => {
  let server: RunningServer;
  let workshop: CreatedWorkshop;

  beforeAll(async () => {
    server = await startServer({ env: { FLET_CLIENT_DIR: fakeClientDir() } });
    workshop = await createWorkshop(server, { title: 'Headers' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('are sent with the start page, a deep link, a static file, /healthz and the API', async () => {
    const answers = [
      await fetch(`${server.url}/`),
      await fetch(`${server.url}/w/${workshop.id}`),
      await fetch(`${server.url}/assets/app.js`),
      await fetch(`${server.url}/healthz`),
      await fetch(`${server.url}/api/workshops/${workshop.id}`, { headers: { authorization: `Bearer ${workshop.projectorToken}` } }),
    ];
    for (const response of answers) {
      expect(response.status, response.url).toBe(200);
      expectSecurityHeaders(response, server.port);
    }
  });

  it('are sent with error answers too, which keep the contract’s JSON shape', async () => {
    const errors = [
      await fetch(`${server.url}/api/nothing-here`),
      await fetch(`${server.url}/api/workshops/${workshop.id}`),
      await fetch(`${server.url}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }),
    ];
    for (const response of errors) {
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expectSecurityHeaders(response, server.port);
      expect(await response.json()).toEqual({ error: expect.any(String), message: expect.any(String) });
    }
    // Fastify refuses an undecodable address before any hook runs; it still gets headers.
    const early = await fetch(`${server.url}/%E0%A4%A`);
    expect(early.status).toBe(400);
    expect(early.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(early.headers.get('x-content-type-options')).toBe('nosniff');
    expect(early.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await early.json()).toEqual({ error: 'bad_request', message: expect.any(String) });
  });

  it('forbid caches to keep any answer that carries a token', async () => {
    const created = await fetch(`${server.url}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'No store' }),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');

    const joined = await fetch(`${server.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ joinCode: workshop.joinCode, group: 'citizen' }),
    });
    expect(joined.status).toBe(200);
    expect(joined.headers.get('cache-control')).toBe('no-store');

    const info = await fetch(`${server.url}/api/workshops/${workshop.id}`, {
      headers: { authorization: `Bearer ${workshop.facilitatorToken}` },
    });
    expect(info.status).toBe(200);
    expect(((await info.json()) as { urls?: unknown }).urls).toBeDefined();
    expect(info.headers.get('cache-control')).toBe('no-store');
  });

  it('name the socket origin the browser asked for, and nothing odd from a Host header', async () => {
    const { request } = await import('node:http');
    const policyFor = (host: string): Promise<string> =>
      new Promise((resolve, reject) => {
        const sent = request({ host: '127.0.0.1', port: server.port, path: '/healthz', headers: { host } }, (response) => {
          response.resume();
          resolve(String(response.headers['content-security-policy'] ?? ''));
        });
        sent.on('error', reject);
        sent.end();
      });
    expect(await policyFor('flet.kommune.example:8443')).toContain(
      "connect-src 'self' ws://flet.kommune.example:8443 wss://flet.kommune.example:8443;",
    );
    const odd = await policyFor("evil.example'unsafe-inline'");
    expect(odd).toContain("connect-src 'self';");
    expect(odd).not.toContain('evil');
  });
});

describe('FLET_FRAME_ANCESTORS', () => {
  it('lets the listed sources show Flet in a frame', async () => {
    const server = await startServer({ env: { FLET_FRAME_ANCESTORS: "'self' https://intranet.kommune.example" } });
    try {
      const response = await fetch(`${server.url}/healthz`);
      expect(directives(response).get('frame-ancestors')).toEqual(["'self'", 'https://intranet.kommune.example']);
      // X-Frame-Options cannot name another host; sending it would forbid what the policy allows.
      expect(response.headers.get('x-frame-options')).toBeNull();
    } finally {
      await server.stop();
    }
  });

  it('accepts keywords without their quotes, as shells and compose files tend to drop them', async () => {
    const server = await startServer({ env: { FLET_FRAME_ANCESTORS: 'self' } });
    try {
      const response = await fetch(`${server.url}/healthz`);
      expect(directives(response).get('frame-ancestors')).toEqual(["'self'"]);
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    } finally {
      await server.stop();
    }
  });

  it('refuses to start with a value that is not a list of sources', async () => {
    await expect(startServer({ env: { FLET_FRAME_ANCESTORS: 'https://a.example;script-src *' } })).rejects.toThrow(
      /FLET_FRAME_ANCESTORS must list sources/,
    );
  });
});
