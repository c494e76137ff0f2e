import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { GROUPS } from '../shared/domain/groups';
import type { CreatedWorkshop, JoinedWorkshop } from '../shared/protocol/httpApi';
import type { FramingKind } from './clients/framing';
import type { ClientSession } from './clients/protocol';

/**
 * Starting the three servers, each as a fresh child process per scenario so that its CPU
 * and RSS are its own, and preparing one room on it.
 */
export const SERVER_NAMES = ['flet', 'y-websocket', 'hocuspocus'] as const;
export type ServerName = (typeof SERVER_NAMES)[number];

export const HOST = '127.0.0.1';
const REPO = path.resolve(import.meta.dirname, '..');
const START_TIMEOUT_MS = 30_000;

/** Where clients connect and how they speak: one session (participant) per client. */
export interface Room {
  documentName: string;
  framing: FramingKind;
  sessions: ClientSession[];
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
  /** Warnings and errors the server logged (a refused update, a closed socket), with the first few. */
  warnings(): { count: number; samples: string[] };
  stop(): Promise<void>;
}

/** The built server, as `npm start` runs it (scripts/start.mjs). */
const FLET_ENTRY = path.join(REPO, 'dist/server/index.js');

export function fletAvailable(): boolean {
  return existsSync(path.join(REPO, 'server/index.ts'));
}

/**
 * Builds dist/server/index.js when it is missing or older than its sources, once per run,
 * so Flet is measured as production runs it: bundled JavaScript, not TypeScript through a
 * loader. Returns whether it built.
 */
export async function buildFletIfStale(): Promise<boolean> {
  // A computed specifier: the build script is plain JavaScript without type declarations.
  const script = pathToFileURL(path.join(REPO, 'scripts/buildServer.mjs')).href;
  const loaded: unknown = await import(script);
  const build = typeof loaded === 'object' && loaded !== null && 'buildServerIfStale' in loaded ? loaded.buildServerIfStale : null;
  if (typeof build !== 'function') throw new Error('scripts/buildServer.mjs exports no buildServerIfStale');
  const nodeArguments = typeof loaded === 'object' && loaded !== null && 'SERVER_NODE_ARGUMENTS' in loaded ? loaded.SERVER_NODE_ARGUMENTS : null;
  if (Array.isArray(nodeArguments)) fletNodeArguments = nodeArguments.map(String);
  const built: unknown = await build();
  if (!existsSync(FLET_ENTRY)) throw new Error(`${path.relative(REPO, FLET_ENTRY)} was not built`);
  return built === true;
}

/**
 * Node's arguments for Flet, as scripts/start.mjs gives them (SERVER_NODE_ARGUMENTS of
 * scripts/buildServer.mjs, read when it builds); BENCH_FLET_NODE_ARGUMENTS replaces them, to
 * measure other V8 settings.
 */
let fletNodeArguments: string[] = [];

/** Node's arguments that start the built Flet server; node itself is the measured pid, as under `npm start`. */
export function fletCommand(): string[] {
  const override = process.env.BENCH_FLET_NODE_ARGUMENTS;
  return [...(override === undefined ? fletNodeArguments : override.split(' ').filter(Boolean)), FLET_ENTRY];
}

function command(name: ServerName): string[] {
  switch (name) {
    case 'flet':
      return fletCommand();
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

/** Sockets joined at once: the server admits joins of one workshop one at a time anyway. */
const JOIN_CONCURRENCY = 8;

/** Who bench client `index` is: every group in turn, and a name, so its presence needs no rewriting. */
function groupOf(index: number): ClientSession['group'] {
  return GROUPS[index % GROUPS.length];
}

function nameOf(index: number): string {
  return `Deltager ${index}`;
}

async function postJson<T>(url: string, body: unknown, expected: number): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== expected) throw new Error(`POST ${new URL(url).pathname} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  return (await res.json()) as T;
}

/**
 * One workshop, and one participant per client, joined by code as a browser joins: a token
 * holds only a few sockets, and budgets and write rules are per participant. Joining happens
 * before the clients connect, outside every measured window.
 */
async function fletRoom(port: number, clients: number): Promise<Room> {
  const base = `http://${HOST}:${port}`;
  const workshop = await postJson<CreatedWorkshop>(`${base}/api/workshops`, { title: 'bench' }, 201);
  if (typeof workshop.id !== 'string' || typeof workshop.joinCode !== 'string') {
    throw new Error('POST /api/workshops: no id or joinCode');
  }
  const sessions: ClientSession[] = new Array<ClientSession>(clients);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < clients) {
      const index = next++;
      const group = groupOf(index);
      const name = nameOf(index);
      const joined = await postJson<JoinedWorkshop>(`${base}/api/join`, { joinCode: workshop.joinCode, group, name }, 200);
      sessions[index] = {
        path: `/ws/${encodeURIComponent(workshop.id)}?token=${encodeURIComponent(joined.token)}`,
        token: joined.token,
        participantId: joined.participantId,
        group,
        name,
      };
    }
  };
  await Promise.all(Array.from({ length: Math.min(JOIN_CONCURRENCY, clients) }, lane));
  return { documentName: workshop.id, framing: 'y-websocket', sessions };
}

/**
 * The references ignore tokens; their clients get participant ids of the same length as
 * Flet's (16 random bytes, base64url) and the same groups and names, so every server relays
 * notes and cursors of the same size.
 */
function referenceRoom(name: ServerName, clients: number): Room {
  const documentName = 'bench-room';
  const sessions = Array.from({ length: clients }, (_, index): ClientSession => ({
    path: name === 'hocuspocus' ? '/' : `/${documentName}`,
    token: name === 'hocuspocus' ? 'bench' : '',
    participantId: randomBytes(16).toString('base64url'),
    group: groupOf(index),
    name: nameOf(index),
  }));
  return { documentName, framing: name === 'hocuspocus' ? 'hocuspocus' : 'y-websocket', sessions };
}

export async function startServer(name: ServerName, clients: number): Promise<RunningServer> {
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
  const warnings = new WarningCounter();
  child.stdout?.on('data', (chunk: Buffer) => warnings.add(chunk));
  let exitInfo: string | null = null;
  let stopping = false;
  child.on('exit', (code, signal) => {
    if (!stopping) exitInfo = `exited (code ${code}, signal ${signal}): ${tail.slice(-500)}`;
  });
  const cleanup = (): void => rmSync(dataDir, { recursive: true, force: true });
  try {
    const port = await waitForListening(child, chosenPort, () => tail);
    const room = name === 'flet' ? await fletRoom(port, clients) : referenceRoom(name, clients);
    return {
      name,
      pid: child.pid ?? 0,
      port,
      room,
      output: () => ({ bytes, tail }),
      exitedEarly: () => exitInfo,
      warnings: () => warnings.result(),
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

/** pino's levels: 40 warn, 50 error, 60 fatal. */
const WARNING_LEVEL = /"level":(4|5|6)0\b/;
const WARNING_SAMPLES = 5;

/** Counts the JSON log lines at warning level or above, across chunk boundaries. */
class WarningCounter {
  private partial = '';
  private count = 0;
  private readonly samples: string[] = [];

  add(chunk: Buffer): void {
    const lines = (this.partial + chunk.toString('utf8')).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) {
      if (!WARNING_LEVEL.test(line)) continue;
      this.count++;
      if (this.samples.length < WARNING_SAMPLES) this.samples.push(summaryOf(line));
    }
  }

  result(): { count: number; samples: string[] } {
    return { count: this.count, samples: [...this.samples] };
  }
}

/** The message and reason of a log line, which is what tells one warning from another. */
function summaryOf(line: string): string {
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed === 'object' && parsed !== null) {
      const { msg, reason } = parsed as { msg?: unknown; reason?: unknown };
      return `${String(msg)}${reason === undefined ? '' : ` (${String(reason)})`}`;
    }
  } catch {
    // not JSON after all
  }
  return line.slice(0, 200);
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
