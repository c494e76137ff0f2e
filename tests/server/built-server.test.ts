import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workshopOf } from '../../shared/schema';
import { createWorkshop, joinWorkshop } from '../helpers/api';
import { filesContaining } from '../helpers/dataDir';
import { eventually } from '../helpers/eventually';
import { REPO_ROOT } from '../helpers/server';
import { connectClient } from '../helpers/yjsClient';

/** A first start may build the client with Vite, which takes a while on this machine. */
const START_TIMEOUT_MS = 120_000;
const BUILT_ENTRY = path.join(REPO_ROOT, 'dist', 'server', 'index.js');

interface Started {
  child: ChildProcess;
  port: number;
  /** The process that serves (started by scripts/start.mjs). */
  serverPid: number;
  output: string[];
}

/** Runs `npm start`'s script as an operator would, and waits for the server's `listening` line. */
function runStart(dataDir: string): Promise<Started> {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'scripts', 'start.mjs')], {
    cwd: REPO_ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', FLET_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail('did not report its port in time'), START_TIMEOUT_MS);
    function fail(reason: string): void {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`npm start ${reason}\n${output.slice(-40).join('\n')}`));
    }
    let buffered = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        output.push(line);
        const listening = parseListening(line);
        if (listening) {
          clearTimeout(timer);
          resolve({ child, output, port: listening.port, serverPid: listening.pid });
        }
      }
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => output.push(...chunk.split('\n')));
    child.once('exit', (code, signal) => fail(`exited early (code ${code}, signal ${signal})`));
  });
}

function parseListening(line: string): { port: number; pid: number } | undefined {
  if (!line.startsWith('{')) return undefined;
  const record = JSON.parse(line) as { msg?: unknown; port?: unknown; pid?: unknown };
  return record.msg === 'listening' && typeof record.port === 'number' && typeof record.pid === 'number'
    ? { port: record.port, pid: record.pid }
    : undefined;
}

describe('the built server (npm start)', () => {
  let started: Started;
  let url: string;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'flet-built-'));

  beforeAll(async () => {
    started = await runStart(dataDir);
    url = `http://127.0.0.1:${started.port}`;
  }, START_TIMEOUT_MS + 10_000);

  afterAll(async () => {
    const child = started?.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
  });

  it('runs dist/server/index.js with node, not the TypeScript sources', () => {
    const command = readFileSync(`/proc/${started.serverPid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    expect(command[0]).toBe(process.execPath);
    expect(command).toContain(BUILT_ENTRY);
    expect(command.join(' ')).not.toMatch(/tsx|\.ts\b/);
    // A young generation held small, so an idle server does not keep what loading grew.
    expect(command).toContain('--max-semi-space-size=4');
    // Built at least as late as the sources it came from, with a map back to them.
    expect(statSync(BUILT_ENTRY).mtimeMs).toBeGreaterThanOrEqual(statSync(path.join(REPO_ROOT, 'server', 'index.ts')).mtimeMs);
    expect(existsSync(`${BUILT_ENTRY}.map`)).toBe(true);
  });

  it('answers /healthz with its security headers', async () => {
    const response = await fetch(`${url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('creates a workshop, relays an edit over the WebSocket, and checkpoints it on its worker thread', async () => {
    const server = { url, wsUrl: `ws://127.0.0.1:${started.port}/ws` };
    const workshop = await createWorkshop(server, { title: 'Bygget server' });
    const participant = await joinWorkshop(server, workshop.joinCode, 'employee');
    const facilitator = connectClient(server, workshop.id, workshop.facilitatorToken);
    const reader = connectClient(server, workshop.id, participant.token);
    try {
      await facilitator.synced();
      await reader.synced();
      workshopOf(facilitator.doc).set('title', 'Visionsdag');
      await eventually(() => expect(workshopOf(reader.doc).get('title')).toBe('Visionsdag'));
    } finally {
      facilitator.destroy();
      reader.destroy();
    }
    // The main connection never checkpoints (wal_autocheckpoint = 0); only the storage's worker
    // thread moves the log into the database file. If the bundle broke the worker, the
    // workshop would stay in the -wal file until shutdown.
    await eventually(() => expect(filesContaining(dataDir, workshop.id)).toContain('flet.sqlite'), { timeout: 5_000 });
    expect(started.output.join('\n')).not.toMatch(/"level":(50|60)/);
  });

  it('loads the export renderers from their own chunks when first asked, fonts and all', async () => {
    const workshop = await createWorkshop({ url }, { title: 'Bygget server' });
    const headers = { authorization: `Bearer ${workshop.facilitatorToken}` };
    const expected: Record<string, string> = { pdf: '%PDF-', docx: 'PK', png: '\x89PNG', html: '<!doctype html>', svg: '<?xml' };
    for (const [format, start] of Object.entries(expected)) {
      const response = await fetch(`${url}/api/workshops/${workshop.id}/export?format=${format}`, { headers });
      expect(response.status, format).toBe(200);
      const body = Buffer.from(await response.arrayBuffer());
      expect(body.subarray(0, start.length).toString('latin1'), format).toBe(start);
    }
    expect(started.output.join('\n')).not.toMatch(/"level":(50|60)/);
  });
});
