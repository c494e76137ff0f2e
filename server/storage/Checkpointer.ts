import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the background connection moves the write-ahead log into the database. */
export const CHECKPOINT_INTERVAL_MS = 250;

// Plain CommonJS so the worker needs no TypeScript loader. A PASSIVE checkpoint never waits
// for the writer and never blocks it; errors (a busy database) are left for the next round.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 0');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
}, workerData.intervalMs);
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.postMessage('closed');
});
`;

/**
 * Checkpoints a SQLite database in WAL mode from a worker thread. SQLite's automatic
 * checkpoint runs inside whichever commit crosses the threshold, and its fsync then stalls
 * the event loop for tens of milliseconds; off the main thread, every relay stays prompt.
 * The main connection must run with `wal_autocheckpoint = 0`.
 */
export class Checkpointer {
  private readonly worker: Worker;

  constructor(file: string, intervalMs = CHECKPOINT_INTERVAL_MS) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, intervalMs } });
    // The worker holds no state worth waiting for: it must never keep the process alive.
    this.worker.unref();
  }

  /** Stops checkpointing and closes the worker's connection. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => {
      this.worker.once('message', () => resolve());
      this.worker.once('exit', () => resolve());
      this.worker.once('error', () => resolve());
    });
    this.worker.postMessage('close');
    await closed;
    await this.worker.terminate();
  }
}
