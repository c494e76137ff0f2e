// `npm start`: build the client and the server when their builds are missing or older than
// their sources (an updated checkout never serves yesterday's client), then serve everything
// on one port from the built JavaScript.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { spawnSync, spawn } from 'node:child_process';
import path from 'node:path';
import { buildServerIfStale, ROOT, SERVER_ENTRY, SERVER_NODE_ARGUMENTS } from './buildServer.mjs';

const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);

/** Newest modification time of a file under `entry` (a file or a folder). */
function newestChange(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

const CLIENT_SOURCES = ['client', 'shared', 'vite.config.ts', 'package-lock.json'].map((name) => path.join(ROOT, name));
const builtClient = path.join(ROOT, 'dist', 'client', 'index.html');
if (!existsSync(builtClient) || Math.max(...CLIENT_SOURCES.map(newestChange)) > statSync(builtClient).mtimeMs) {
  console.log('Building the client…');
  const build = spawnSync(bin('vite'), ['build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

try {
  if (await buildServerIfStale()) console.log(`Built the server into ${path.relative(ROOT, SERVER_ENTRY)}.`);
} catch (error) {
  console.error('The server could not be built:', error instanceof Error ? error.message : error);
  process.exit(1);
}

const server = spawn(process.execPath, [...SERVER_NODE_ARGUMENTS, SERVER_ENTRY], { cwd: ROOT, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
