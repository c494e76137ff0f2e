import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FramingKind } from './clients/framing';

/**
 * Starting the three servers, each as a fresh child process per scenario so that its CPU
 * and RSS are its own, and preparing one room on it.
 */
export const SERVER_NAMES = ['flet', 'y-websocket', 'hocuspocus'] as const;
export type ServerName = (typeof SERVER_NAMES)[number];

export const HOST = '127.0.0.1';
const REPO = path.resolve(import.meta.dirname, '..');
const START_TIMEOUT_MS = 30_000;

/** Where clients connect and how they speak. */
export interface Room {
  path: string;
  token: string;
  documentName: string;
  framing: FramingKind;
}

export interface RunningServer {
  name: ServerName;
  pid: number;
  port: number;
  room: Room;
  /** Bytes the server wrote to stdout and stderr so far, and the last of them. */
  output(): { bytes: number; tail: string };
  /** Set when the process ended on its own (a crash during the run). */
  exitedEarly(): string | null;
  stop(): Promise<void>;
}

export function fletAvailable(): boolean {
  return existsSync(path.join(REPO, 'server/index.ts'));
}

function command(name: ServerName): string[] {
  switch (name) {
    case 'flet':
      // `node --import tsx` rather than the tsx CLI: the CLI forks a second node process,
      // and the measured pid must be the server itself.
      return ['--import', 'tsx', 'server/index.ts'];
    case 'y-websocket':
      return ['bench/references/yWebsocketServer.cjs'];
    case 'hocuspocus':
      return ['bench/references/hocuspocusServer.mjs'];
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, HOST, () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Finds `"port": n` in any JSON log line (pino or ours); ignores everything else. */
function portFromLogLine(line: string): number | null {
  if (!line.startsWith('{')) return null;
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed === 'object' && parsed !== null && 'port' in parsed) {
      const port = (parsed as { port: unknown }).port;
      if (typeof port === 'number' && port > 0) return port;
    }
  } catch {
    // not JSON after all
  }
  return null;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: HOST, port });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

async function waitForListening(child: ChildProcess, chosenPort: number, logTail: () => string): Promise<number> {
  let announced: number | null = null;
  child.stdout?.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) announced ??= portFromLogLine(line.trim());
  });
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited while starting: ${logTail()}`);
    const port = announced ?? chosenPort;
    if (await canConnect(port)) return port;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not listen within ${START_TIMEOUT_MS} ms: ${logTail()}`);
}

async function fletRoom(port: number): Promise<Room> {
  const res = await fetch(`http://${HOST}:${port}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'bench' }),
  });
  if (res.status !== 201) throw new Error(`POST /api/workshops answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { id?: unknown; facilitatorToken?: unknown };
  if (typeof body.id !== 'string' || typeof body.facilitatorToken !== 'string') {
    throw new Error('POST /api/workshops: no id or facilitatorToken');
  }
  // Every bench client uses the facilitator token: it may write, and joining 200 participants
  // would measure the join endpoint rather than the relay.
  return {
    path: `/ws/${encodeURIComponent(body.id)}?token=${encodeURIComponent(body.facilitatorToken)}`,
    token: body.facilitatorToken,
    documentName: body.id,
    framing: 'y-websocket',
  };
}

function referenceRoom(name: ServerName): Room {
  const documentName = 'bench-room';
  return name === 'hocuspocus'
    ? { path: '/', token: 'bench', documentName, framing: 'hocuspocus' }
    : { path: `/${documentName}`, token: '', documentName, framing: 'y-websocket' };
}

export async function startServer(name: ServerName): Promise<RunningServer> {
  const chosenPort = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), `flet-bench-${name}-`));
  const child = spawn(process.execPath, command(name), {
    cwd: REPO,
    env: { ...process.env, HOST, PORT: String(chosenPort), FLET_DATA_DIR: dataDir, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Keep reading both pipes: a server blocked on a full stdout pipe would measure the pipe.
  let tail = '';
  let bytes = 0;
  const keepTail = (chunk: Buffer): void => {
    bytes += chunk.length;
    tail = (tail + chunk.toString('utf8')).slice(-2000);
  };
  child.stdout?.on('data', keepTail);
  child.stderr?.on('data', keepTail);
  let exitInfo: string | null = null;
  let stopping = false;
  child.on('exit', (code, signal) => {
    if (!stopping) exitInfo = `exited (code ${code}, signal ${signal}): ${tail.slice(-500)}`;
  });
  const cleanup = (): void => rmSync(dataDir, { recursive: true, force: true });
  try {
    const port = await waitForListening(child, chosenPort, () => tail);
    const room = name === 'flet' ? await fletRoom(port) : referenceRoom(name);
    return {
      name,
      pid: child.pid ?? 0,
      port,
      room,
      output: () => ({ bytes, tail }),
      exitedEarly: () => exitInfo,
      stop: async () => {
        stopping = true;
        await stopChild(child);
        cleanup();
      },
    };
  } catch (err) {
    stopping = true;
    await stopChild(child);
    cleanup();
    throw err;
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5000));
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}
