import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';

const INDEX_HTML = '<!doctype html><title>Flet</title><div id="root"></div>';

describe('serving the built client', () => {
  let server: RunningServer;

  beforeAll(async () => {
    const clientDir = mkdtempSync(path.join(os.tmpdir(), 'flet-client-'));
    writeFileSync(path.join(clientDir, 'index.html'), INDEX_HTML);
    mkdirSync(path.join(clientDir, 'assets'));
    writeFileSync(path.join(clientDir, 'assets', 'app.js'), 'console.log("flet")');
    server = await startServer({ env: { FLET_CLIENT_DIR: clientDir } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('serves files and opens deep links of the app', async () => {
    const asset = await fetch(`${server.url}/assets/app.js`);
    expect(asset.status).toBe(200);
    expect(await asset.text()).toBe('console.log("flet")');
    for (const route of ['/', '/w/some-workshop', '/join/ABC2345', '/p/some-workshop']) {
      const page = await fetch(`${server.url}${route}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      expect(await page.text()).toBe(INDEX_HTML);
    }
  });

  it('answers unknown API and socket paths with JSON 404, not the app', async () => {
    for (const route of ['/api/unknown', '/api', '/ws', '/ws/abc']) {
      const response = await fetch(`${server.url}${route}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: 'not_found', message: expect.any(String) });
    }
  });
});
