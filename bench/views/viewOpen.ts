import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { CreatedWorkshop } from '../../shared/protocol/httpApi';
import { recordsOf } from '../../shared/schema';
import { BENCH_PROCESS, fillProcess, type ProcessSize } from './processBoard';

/**
 * How long the process views take to open in a real browser: the board with nothing on it,
 * the board of a process with 3 gatherings, 2,000 notes and 40 threads, and that process's
 * weave view and narrative. Each is measured a few times in Debian's Chromium at projector
 * size against the built client and server, and the median reported.
 */
export interface ViewOpenTimes {
  process: ProcessSize;
  repetitions: number;
  /** Milliseconds from navigation to the painted board, empty workshop. */
  emptyBoardMs: number;
  /** The same for the full process (the current gathering's notes painted). */
  processBoardMs: number;
  /** Milliseconds from choosing the view to it painted, on the full process. */
  weaveViewMs: number;
  narrativeMs: number;
}

const REPO = path.resolve(import.meta.dirname, '..', '..');
const HOST = '127.0.0.1';
const PROJECTOR_SIZE = { width: 1920, height: 1080 };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHealth(base: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('Flet did not start within 30 s');
}

async function createWorkshop(base: string, title: string): Promise<CreatedWorkshop> {
  const response = await fetch(`${base}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title, language: 'en' }),
  });
  if (!response.ok) throw new Error(`creating a workshop answered ${response.status}`);
  return (await response.json()) as CreatedWorkshop;
}

/** Fills a workshop through the server as its facilitator, then checks a second client sees it all. */
async function fillThroughServer(wsUrl: string, workshop: CreatedWorkshop, size: ProcessSize): Promise<void> {
  const connectDoc = (doc: Y.Doc) =>
    new WebsocketProvider(wsUrl, workshop.id, doc, {
      params: { token: workshop.facilitatorToken },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
  const doc = new Y.Doc();
  const provider = connectDoc(doc);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the facilitator did not sync within 30 s')), 30_000);
    provider.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  provider.on('connection-close', (event) => {
    if (event && event.code >= 4000) process.stderr.write(`the server closed the filling connection: ${event.code} ${event.reason}\n`);
  });
  await fillProcess(doc, size, () => new Promise((resolve) => setTimeout(resolve, 100)));
  const check = new Y.Doc();
  const reader = connectDoc(check);
  const deadline = Date.now() + 60_000;
  const notesIn = (d: Y.Doc) => [...recordsOf(d).values()].filter((r) => r instanceof Y.Map && r.get('type') === 'note').length;
  while (notesIn(check) < size.notes && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  reader.destroy();
  provider.destroy();
  if (notesIn(check) < size.notes) throw new Error(`only ${notesIn(check)} of ${size.notes} notes reached the server`);
}

/** Milliseconds since navigation when two frames have been painted after `ready` holds. */
async function paintedAt(page: Page): Promise<number> {
  return page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())))));
}

async function openBoard(page: Page, url: string, withNotes: boolean): Promise<number> {
  await page.goto(url);
  await page.locator(withNotes ? '.tl-shape' : '.tl-canvas').first().waitFor({ state: 'visible', timeout: 60_000 });
  return paintedAt(page);
}

async function openView(page: Page, button: string, painted: string): Promise<number> {
  const before = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.getByText(painted).first().waitFor({ state: 'visible', timeout: 60_000 });
  return (await paintedAt(page)) - before;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]);
}

/** Builds the client, starts the built server, fills a process and measures the views. */
export async function measureViewOpen(repetitions = 3, size: ProcessSize = BENCH_PROCESS): Promise<ViewOpenTimes> {
  const build = spawnSync(path.join(REPO, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: REPO, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the client did not build');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'flet-bench-views-'));
  const port = await freePort();
  const base = `http://${HOST}:${port}`;
  let server: ChildProcess | null = null;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    server = spawn(process.execPath, [path.join(REPO, 'dist/server/index.js')], {
      cwd: REPO,
      env: { ...process.env, PORT: String(port), HOST, FLET_DATA_DIR: dataDir, FLET_PUBLIC_URL: base, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitForHealth(base);
    const empty = await createWorkshop(base, 'Empty board');
    const full = await createWorkshop(base, 'Vision process');
    await fillThroughServer(`ws://${HOST}:${port}/ws`, full, size);
    const times = { empty: [] as number[], board: [] as number[], weave: [] as number[], narrative: [] as number[] };
    for (let round = 0; round < repetitions; round++) {
      const context = await browser.newContext({ viewport: PROJECTOR_SIZE, locale: 'en-GB' });
      const page = await context.newPage();
      times.empty.push(await openBoard(page, empty.urls.facilitator, false));
      times.board.push(await openBoard(page, full.urls.facilitator, true));
      times.weave.push(await openView(page, 'Weave', `Prøvehandling ${size.threads}`));
      times.narrative.push(await openView(page, 'Narrative', `Afsnit ${size.sections}`));
      await context.close();
    }
    return {
      process: size,
      repetitions,
      emptyBoardMs: median(times.empty),
      processBoardMs: median(times.board),
      weaveViewMs: median(times.weave),
      narrativeMs: median(times.narrative),
    };
  } finally {
    await browser.close();
    server?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
