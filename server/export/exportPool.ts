import type { Piscina } from 'piscina';
import type { ExportedFile, ExportTask } from './exportFile';

/**
 * The export worker: one thread, started when the first file is asked for and stopped after a
 * while without work, so an idle server holds none of the renderers' memory. Files wait their
 * turn in a short queue; past it the server says it is busy rather than piling up work.
 */

/** Exports waiting for the worker before the next is turned away. */
const MAX_QUEUED = 8;
/** A worker without work for this long is stopped. */
const IDLE_MS = 60_000;
/** Longest a file may take to make. */
const EXPORT_TIMEOUT_MS = 120_000;

/** Thrown when the queue is full. */
export class ExportsBusy extends Error {}

/**
 * The worker's entry: beside this file when the server runs from its TypeScript sources (the
 * tests, through tsx); the built server's own entry `exportWorker.js` beside its other files.
 */
function workerFile(): string {
  const here = import.meta.url;
  return (here.endsWith('.ts') ? new URL('./exportFile.ts', here) : new URL('./exportWorker.js', here)).href;
}

let pool: Promise<Piscina> | null = null;

/** The pool, made (and its library loaded) when the first file is asked for. */
function exportPool(): Promise<Piscina> {
  pool ??= import('piscina').then(({ Piscina }) => new Piscina({ filename: workerFile(), minThreads: 0, maxThreads: 1, idleTimeout: IDLE_MS, maxQueue: MAX_QUEUED }));
  return pool;
}

/** Makes one export file in the worker; null when the report's gathering does not exist. */
export async function makeExportFile(task: ExportTask): Promise<ExportedFile | null> {
  const current = await exportPool();
  if (current.queueSize >= MAX_QUEUED) throw new ExportsBusy('Too many exports are being made; try again in a moment.');
  return (await current.run(task, { signal: AbortSignal.timeout(EXPORT_TIMEOUT_MS) })) as ExportedFile | null;
}

/** Stops the worker (at shutdown). */
export async function closeExports(): Promise<void> {
  const current = pool;
  pool = null;
  await (await current)?.destroy();
}
