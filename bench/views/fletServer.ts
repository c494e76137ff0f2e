import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { CreatedWorkshop, JoinedWorkshop } from '../../shared/protocol/httpApi';
import { recordsOf } from '../../shared/schema';
import { fletCommand } from '../servers';
import { fillProcess, type ProcessSize } from './processBoard';

/** What the browser parts of the benchmark share: the built client and server, Chromium, a filled workshop. */
export const REPO = path.resolve(import.meta.dirname, '..', '..');
export const HOST = '127.0.0.1';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Builds Flet's client (into FLET_CLIENT_DIR when set, as the server reads it). */
export function buildClient(): void {
  const build = spawnSync(path.join(REPO, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: REPO, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the client did not build');
}

/** Debian's Chromium, headless, with the end-to-end tests' flags. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** The built server on a free port with a data directory of its own. */
export interface FletServer {
  base: string;
  wsUrl: string;
  stop(): void;
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

export async function startFlet(): Promise<FletServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'flet-bench-views-'));
  const port = await freePort();
  const base = `http://${HOST}:${port}`;
  const server: ChildProcess = spawn(process.execPath, fletCommand(), {
    cwd: REPO,
    env: { ...process.env, PORT: String(port), HOST, FLET_DATA_DIR: dataDir, FLET_PUBLIC_URL: base, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = (): void => {
    server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(base);
  } catch (error) {
    stop();
    throw error;
  }
  return { base, wsUrl: `ws://${HOST}:${port}/ws`, stop };
}

async function postJson<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}

export function createWorkshop(base: string, title: string): Promise<CreatedWorkshop> {
  return postJson<CreatedWorkshop>(`${base}/api/workshops`, { title, language: 'en' });
}

/** A participant's board link, as the join page leaves it: the token in the address's fragment. */
export async function participantUrl(base: string, workshop: CreatedWorkshop, name: string): Promise<string> {
  const joined = await postJson<JoinedWorkshop>(`${base}/api/join`, { joinCode: workshop.joinCode, group: 'citizen', name });
  return `${base}/w/${encodeURIComponent(workshop.id)}#token=${encodeURIComponent(joined.token)}`;
}

const notesIn = (doc: Y.Doc): number =>
  [...recordsOf(doc).values()].filter((r) => r instanceof Y.Map && r.get('type') === 'note').length;

/**
 * Fills a workshop through the server as its facilitator, then checks a second client sees it
 * all. Returns the board's records as that second client has them (tldraw records as JSON).
 */
export async function fillThroughServer(wsUrl: string, workshop: CreatedWorkshop, size: ProcessSize): Promise<Array<Record<string, unknown>>> {
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
  while (notesIn(check) < size.notes && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  const records = [...recordsOf(check).values()].filter((r) => r instanceof Y.Map).map((r) => r.toJSON() as Record<string, unknown>);
  const got = notesIn(check);
  reader.destroy();
  provider.destroy();
  if (got < size.notes) throw new Error(`only ${got} of ${size.notes} notes reached the server`);
  return records;
}
