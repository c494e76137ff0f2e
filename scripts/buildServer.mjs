// Builds the server into dist/server/index.js (and its export worker) with esbuild, when the
// build is missing or older than any of its sources. Packages stay outside the bundle and
// load from node_modules, so native ones (better-sqlite3) and their files keep working.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const thisFile = fileURLToPath(import.meta.url);
/** The repository root (scripts/..). */
export const ROOT = path.dirname(path.dirname(thisFile));
/** Where the built server goes. */
export const SERVER_OUT_DIR = path.join(ROOT, 'dist', 'server');
/** The built server's entry point. */
export const SERVER_ENTRY = path.join(SERVER_OUT_DIR, 'index.js');
/**
 * How `node` runs the built server (`npm start`, and the benchmark as `npm start` does). V8's
 * young generation grows to 2 × 16 MB while the server loads its modules, and an idle server
 * keeps it; held at 2 × 4 MB, it costs a few more short collections under load instead.
 * Source maps are not loaded (they cost about 5 MB): a stack trace names the bundle's lines,
 * and `NODE_OPTIONS=--enable-source-maps` turns them into server/*.ts lines.
 */
export const SERVER_NODE_ARGUMENTS = ['--max-semi-space-size=4'];
/** The sources the last build read (from esbuild's metafile), to tell when it is stale. */
const INPUTS_FILE = path.join(SERVER_OUT_DIR, 'inputs.json');

/**
 * Whether dist/server must be built again: it is missing, or a source it was built from (or
 * this script) changed or disappeared since.
 */
export function serverBuildIsStale() {
  if (!existsSync(SERVER_ENTRY) || !existsSync(INPUTS_FILE)) return true;
  const builtAt = statSync(SERVER_ENTRY).mtimeMs;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(INPUTS_FILE, 'utf8'));
  } catch {
    return true;
  }
  if (!Array.isArray(inputs)) return true;
  return [thisFile, ...inputs.map((input) => path.join(ROOT, String(input)))].some(
    (file) => !existsSync(file) || statSync(file).mtimeMs > builtAt,
  );
}

/** Builds the server bundle (and its source map) now. */
export async function buildServer() {
  // A file of an older build's layout must not be taken for part of this one.
  rmSync(SERVER_OUT_DIR, { recursive: true, force: true });
  mkdirSync(SERVER_OUT_DIR, { recursive: true });
  const result = await build({
    absWorkingDir: ROOT,
    // The export worker is an entry of its own: a thread the server starts when a file is
    // asked for (server/export/exportPool.ts finds it beside index.js).
    entryPoints: { index: 'server/index.ts', exportWorker: 'server/export/exportFile.ts' },
    outdir: SERVER_OUT_DIR,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    packages: 'external',
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
  });
  // Written last, so a build that failed half-way is never taken for a fresh one.
  writeFileSync(INPUTS_FILE, JSON.stringify(Object.keys(result.metafile.inputs), null, 1));
}

/** Builds the server unless the existing build is up to date; says whether it built. */
export async function buildServerIfStale() {
  if (!serverBuildIsStale()) return false;
  await buildServer();
  return true;
}

// Run directly (`node scripts/buildServer.mjs`): build now, whatever the state.
if (process.argv[1] && path.resolve(process.argv[1]) === thisFile) {
  await buildServer();
  console.log(`Built ${path.relative(ROOT, SERVER_ENTRY)}`);
}
