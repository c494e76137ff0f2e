import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the background connection moves the write-ahead log into the database. */
export const CHECKPOINT_INTERVAL_MS = 250;

/**
 * How long without a commit before the checkpointing thread stops (it stops within one to two
 * such spans): a thread costs about 10 MB of memory, which an idle server has no use for.
 */
export const CHECKPOINT_IDLE_MS = 4_000;

// Plain CommonJS so the worker needs no TypeScript loader. A PASSIVE checkpoint never waits
// for the writer and never blocks it; errors (a busy database) are left for the next round.
// Asked to stop, it checkpoints once more, so what was written before the request is moved.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 0');
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {} };
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.once('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.postMessage('closed');
});
`;

export interface CheckpointTiming {
  intervalMs: number;
  idleMs: number;
}

/**
 * Checkpoints a SQLite database in WAL mode from a worker thread. SQLite's automatic
 * checkpoint runs inside whichever commit crosses the threshold, and its fsync then stalls
 * the event loop for tens of milliseconds; off the main thread, every relay stays prompt.
 * The main connection must run with `wal_autocheckpoint = 0`, and tell of each commit
 * ({@link wrote}): the thread starts on the first commit and stops once commits have ceased.
 */
export class Checkpointer {
  private worker: Worker | null = null;
  private exited: Promise<void> = Promise.resolve();
  private idleTimer: NodeJS.Timeout | null = null;
  /** Whether a commit came since the idle timer last looked (or since the thread was asked to stop). */
  private wroteSinceLook = false;
  private stopping = false;
  private closed = false;
  private readonly driver = createRequire(import.meta.url).resolve('better-sqlite3');

  constructor(
    private readonly file: string,
    private readonly timing: CheckpointTiming = { intervalMs: CHECKPOINT_INTERVAL_MS, idleMs: CHECKPOINT_IDLE_MS },
  ) {}

  /** Whether a checkpointing thread is running now. */
  get running(): boolean {
    return this.worker !== null;
  }

  /** A commit reached the log. Called on every commit, so it does next to nothing when a thread runs. */
  wrote(): void {
    this.wroteSinceLook = true;
    if (this.worker !== null || this.closed) return;
    try {
      this.start();
    } catch {
      // The commit itself stands; the next one tries to start a thread again.
    }
  }

  /** Stops checkpointing and closes the thread's connection. */
  async close(): Promise<void> {
    this.closed = true;
    this.stop();
    await this.exited;
  }

  private start(): void {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver: this.driver, file: this.file, intervalMs: this.timing.intervalMs },
    });
    // The thread holds no state worth waiting for: it must never keep the process alive.
    worker.unref();
    this.worker = worker;
    this.stopping = false;
    this.wroteSinceLook = false;
    this.exited = new Promise<void>((resolve) => {
      // A thread that failed (say, the file was removed) is replaced by the next commit.
      worker.once('error', () => undefined);
      worker.once('exit', () => {
        if (this.worker === worker) this.worker = null;
        this.clearIdleTimer();
        resolve();
        // A commit after the stop request may have come too late for the last checkpoint.
        if (this.wroteSinceLook) this.wrote();
      });
    });
    this.idleTimer = setInterval(() => {
      if (this.wroteSinceLook) this.wroteSinceLook = false;
      else this.stop();
    }, this.timing.idleMs);
    this.idleTimer.unref();
  }

  private stop(): void {
    this.clearIdleTimer();
    const worker = this.worker;
    if (worker === null || this.stopping) return;
    this.stopping = true;
    this.wroteSinceLook = false;
    worker.once('message', () => void worker.terminate());
    worker.postMessage('close');
  }

  private clearIdleTimer(): void {
    if (this.idleTimer !== null) clearInterval(this.idleTimer);
    this.idleTimer = null;
  }
}
