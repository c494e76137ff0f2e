// `npm start`: build the client when it has not been built and the server when its build is
// missing or stale, then serve everything on one port from the built JavaScript.
import { existsSync } from 'node:fs';
import { spawnSync, spawn } from 'node:child_process';
import path from 'node:path';
import { buildServerIfStale, ROOT, SERVER_ENTRY } from './buildServer.mjs';

const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);

if (!existsSync(path.join(ROOT, 'dist', 'client', 'index.html'))) {
  console.log('Building the client (first start only)…');
  const build = spawnSync(bin('vite'), ['build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

try {
  if (await buildServerIfStale()) console.log(`Built the server into ${path.relative(ROOT, SERVER_ENTRY)}.`);
} catch (error) {
  console.error('The server could not be built:', error instanceof Error ? error.message : error);
  process.exit(1);
}

// Source maps make a stack trace in the logs point at server/*.ts, not at the bundle.
const server = spawn(process.execPath, ['--enable-source-maps', SERVER_ENTRY], { cwd: ROOT, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
