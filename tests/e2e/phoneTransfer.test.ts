import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addGathering } from '../../shared/domain/gatherings';
import { addStep, setCurrentStep } from '../../shared/domain/steps';
import { createWorkshop, joinWorkshop, type CreatedWorkshop } from '../helpers/api';
import { REPO_ROOT, startServer, type RunningServer } from '../helpers/server';
import { connectClient, type TestClient } from '../helpers/yjsClient';
import { waitForCanvas } from './boardPage';
import { BrowserSession, LAPTOP } from './browser';

/** The canvas (tldraw) is the board page's chunk, as vite names it. */
const CANVAS_CHUNK = /\/assets\/BoardPage-[^/]+\.(js|css)$/;
/** tldraw's editor registers its version under this name; only the canvas chunk holds it. */
const EDITOR_MARK = '@tldraw/editor';

interface Transfer {
  /** Bytes on the wire per URL (headers and body, as Chromium counts them). */
  byUrl: Map<string, number>;
  total: number;
  /** Script and style bodies, to look into. */
  bodies: Map<string, string>;
  /** Whether the server compressed any script. */
  compressed: boolean;
}

/**
 * Load a board page in a fresh browser (cold cache) and count what it transferred, through
 * the DevTools protocol: every finished request's encodedDataLength.
 */
async function measure(session: BrowserSession, url: string, options: BrowserContextOptions, ready: (page: Page) => Promise<void>): Promise<Transfer> {
  const context = await session.newContext(options);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const urls = new Map<string, string>();
  const byUrl = new Map<string, number>();
  let compressed = false;
  cdp.on('Network.responseReceived', (event) => {
    urls.set(event.requestId, event.response.url);
    const encoding = Object.entries(event.response.headers).find(([name]) => name.toLowerCase() === 'content-encoding')?.[1];
    if (encoding && /\.js$/.test(event.response.url)) compressed = true;
  });
  cdp.on('Network.loadingFinished', (event) => {
    const at = urls.get(event.requestId) ?? event.requestId;
    if (at.startsWith('data:')) return;
    byUrl.set(at, (byUrl.get(at) ?? 0) + event.encodedDataLength);
  });
  const bodies = new Map<string, string>();
  page.on('response', (response) => {
    if (/\.(js|css)$/.test(response.url())) void response.text().then((text) => bodies.set(response.url(), text), () => {});
  });
  await page.goto(url);
  await ready(page);
  await page.waitForLoadState('networkidle');
  const total = [...byUrl.values()].reduce((sum, bytes) => sum + bytes, 0);
  await context.close();
  return { byUrl, total, bodies, compressed };
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** What the page's own files would weigh gzipped (for comparison when the server does not compress). */
function gzipped(transfer: Transfer, clientDir: string): number {
  let total = 0;
  for (const url of transfer.byUrl.keys()) {
    const asset = /\/assets\/[^/?#]+$/.exec(url)?.[0];
    if (asset) total += gzipSync(readFileSync(path.join(clientDir, asset))).length;
  }
  return total;
}

function report(name: string, transfer: Transfer, clientDir: string): void {
  // Object URLs the page makes for itself (blob:) cross no network.
  const lines = [...transfer.byUrl.entries()].filter(([url]) => !url.startsWith('blob:')).sort((a, b) => b[1] - a[1]).map(([url, bytes]) => `  ${kb(bytes).padStart(10)}  ${url.replace(/^https?:\/\/[^/]+/, '')}`);
  const note = transfer.compressed ? '' : ` (the server sent it uncompressed; its files gzipped: ${kb(gzipped(transfer, clientDir))})`;
  console.log(`${name}: ${kb(transfer.total)} transferred${note}\n${lines.join('\n')}`);
}

describe('the phone view loads light on a weak link', () => {
  let server: RunningServer;
  let session: BrowserSession;
  let workshop: CreatedWorkshop;
  let observer: TestClient;
  // The e2e build runs under vitest (NODE_ENV=test: React's development build); a phone is
  // served the production build, so that is what is measured.
  const clientDir = mkdtempSync(path.join(os.tmpdir(), 'flet-client-production-'));

  beforeAll(async () => {
    const build = spawnSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production', FLET_CLIENT_DIR: clientDir },
    });
    if (build.status !== 0) throw new Error(`vite build failed with status ${build.status}`);
    server = await startServer({ env: { FLET_CLIENT_DIR: clientDir } });
    session = await BrowserSession.launch();
    workshop = await createWorkshop(server, { title: 'Tasiilaq', language: 'en' });
    observer = connectClient(server, workshop.id, workshop.facilitatorToken);
    await observer.synced();
    const gathering = addGathering(observer.doc, { title: 'Tasiilaq', place: 'Tasiilaq', date: '2025-03-16' });
    const step = addStep(observer.doc, gathering.id, { title: 'Hopes', prompt: 'What do you hope for?' });
    setCurrentStep(observer.doc, step.id);
  });

  afterAll(async () => {
    observer?.destroy();
    await session?.close();
    await server?.stop();
    rmSync(clientDir, { recursive: true, force: true });
  });

  it('a phone opening its board downloads no canvas code; the transfer is printed beside the canvas view\'s', async () => {
    const onPhone = await joinWorkshop(server, workshop.joinCode, 'citizen', 'Pipaluk');
    const phone = await measure(
      session,
      `${server.url}/w/${workshop.id}#token=${onPhone.token}`,
      { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
      async (page) => {
        await page.getByRole('heading', { level: 2, name: 'Hopes' }).waitFor();
        await page.getByRole('button', { name: 'Add note' }).waitFor();
      },
    );
    report('phone view (390×844, cold cache, production build)', phone, clientDir);
    expect([...phone.byUrl.keys()].filter((url) => CANVAS_CHUNK.test(url))).toEqual([]);
    // Its scripts come compressed (the build writes .br/.gz files; the server sends them).
    expect(phone.compressed).toBe(true);
    expect([...phone.bodies.entries()].filter(([, body]) => body.includes(EDITOR_MARK)).map(([url]) => url)).toEqual([]);

    const onLaptop = await joinWorkshop(server, workshop.joinCode, 'employee', 'Nuka');
    const canvas = await measure(session, `${server.url}/w/${workshop.id}#token=${onLaptop.token}`, { viewport: LAPTOP }, waitForCanvas);
    report('canvas view (1280×800, cold cache, production build)', canvas, clientDir);
    expect([...canvas.byUrl.keys()].filter((url) => CANVAS_CHUNK.test(url)).length).toBeGreaterThan(0);
    expect(phone.total).toBeLessThan(canvas.total / 2);
  });
});
