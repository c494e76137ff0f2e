import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventually } from './eventually';

/** The repository root (tests/helpers/../..). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** How long a server may take to print its port and answer /healthz. */
const START_TIMEOUT_MS = 30_000;
/** Output lines kept for the error message of a server that failed to start. */
const KEPT_OUTPUT_LINES = 50;

/** A real server process started for a test. */
export interface RunningServer {
  /** http://127.0.0.1:<port> */
  url: string;
  /** ws://127.0.0.1:<port>/ws */
  wsUrl: string;
  port: number;
  dataDir: string;
  process: ChildProcess;
  /** Sends SIGTERM and waits for the process to exit. */
  stop(): Promise<void>;
  /** Sends SIGKILL and waits for the process to exit. */
  kill(): Promise<void>;
}

/** Options of {@link startServer}. */
export interface StartServerOptions {
  /** Reuse a data directory (restart "the same" server); a fresh temporary one otherwise. */
  dataDir?: string;
  /** Port to bind; 0 (default) lets the OS choose. */
  port?: number;
  /** Extra environment variables. */
  env?: Record<string, string>;
}

/**
 * Starts `server/index.ts` as its own process on 127.0.0.1, reads the bound port from its
 * `listening` log line and resolves once /healthz answers.
 *
 * The process is `node --import tsx`, not the `tsx` wrapper: the wrapper runs the server in a
 * child process, so SIGKILL would hit the wrapper and leave the real server running.
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'flet-test-'));
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'server', 'index.ts')], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(options.port ?? 0),
      FLET_DATA_DIR: dataDir,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: OutputLog = { chunks: [], size: 0 };
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const output: string[] = [];
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('server did not report its port in time')), START_TIMEOUT_MS);
    let buffered = '';
    function fail(error: Error): void {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n${output.join('\n')}`));
    }
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        remember(output, line);
        const listening = parseListening(line);
        if (listening !== undefined) {
          clearTimeout(timer);
          resolve(listening);
        }
      }
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) remember(output, line);
    });
    child.once('exit', (code, signal) => fail(new Error(`server exited early (code ${code}, signal ${signal})`)));
  });
  // Keep draining the pipes so a chatty server never blocks on a full pipe.
  child.stdout?.resume();
  child.stderr?.resume();

  // Keep collecting output for serverOutput() (bounded, newest last).
  child.stdout?.on('data', (chunk: string) => appendOutput(log, chunk));
  child.stderr?.on('data', (chunk: string) => appendOutput(log, chunk));
  for (const line of output) appendOutput(log, `${line}\n`);

  const url = `http://127.0.0.1:${port}`;
  await eventually(
    async () => {
      const response = await fetch(`${url}/healthz`);
      if (!response.ok) throw new Error(`healthz answered ${response.status}`);
    },
    { timeout: START_TIMEOUT_MS },
  );

  const signalAndWait = async (signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  const running: RunningServer = {
    url,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    port,
    dataDir,
    process: child,
    stop: () => signalAndWait('SIGTERM'),
    kill: () => signalAndWait('SIGKILL'),
  };
  outputs.set(running, log);
  return running;
}

/** Largest amount of output kept per server for {@link serverOutput}. */
const MAX_KEPT_OUTPUT_CHARS = 8 * 1024 * 1024;
const outputs = new WeakMap<RunningServer, OutputLog>();

interface OutputLog {
  chunks: string[];
  size: number;
}

/** Everything the server printed so far (stdout and stderr; the oldest output may be dropped). */
export function serverOutput(server: RunningServer): string {
  return outputs.get(server)?.chunks.join('') ?? '';
}

function appendOutput(log: OutputLog, chunk: string): void {
  log.chunks.push(chunk);
  log.size += chunk.length;
  while (log.size > MAX_KEPT_OUTPUT_CHARS && log.chunks.length > 1) log.size -= log.chunks.shift()?.length ?? 0;
}

function parseListening(line: string): number | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const record: unknown = JSON.parse(line);
    if (typeof record !== 'object' || record === null) return undefined;
    const { msg, port } = record as { msg?: unknown; port?: unknown };
    return msg === 'listening' && typeof port === 'number' ? port : undefined;
  } catch {
    return undefined;
  }
}

function remember(output: string[], line: string): void {
  if (line.trim() === '') return;
  output.push(line);
  if (output.length > KEPT_OUTPUT_LINES) output.shift();
}
