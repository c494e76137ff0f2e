import { parentPort, workerData } from 'node:worker_threads';
import { BenchClient } from './BenchClient';
import { nowUs } from './clock';
import { Framing } from './framing';
import { editMarker } from './markers';
import type { FromWorker, ToWorker, WorkerConfig } from './protocol';
import { DocWriter, LightSync } from './syncPeers';
import { WorkerStats } from './WorkerStats';

/**
 * A load-generator thread: connects its share of the clients, then sends edits and cursor
 * moves on the shared timeline until the measured window ends, and reports what arrived.
 */
const port = parentPort;
if (port === null) throw new Error('bench worker must run in a worker thread');
const config = workerData as WorkerConfig;
const stats = new WorkerStats();
const framing = new Framing(config.framing, config.documentName);
const TICK_MS = 5;
const CONNECT_CONCURRENCY = 20;

function post(msg: FromWorker): void {
  port!.postMessage(msg);
}

interface Scheduled {
  client: BenchClient;
  writer: DocWriter | null;
  nextCursorUs: number;
  nextEditUs: number;
  seq: number;
}

const entries: Scheduled[] = config.clients.map((spec) => {
  const writer = spec.writer === null ? null : new DocWriter(framing, spec.writer, spec.session);
  const peer = writer ?? new LightSync(framing);
  // Same base in every worker, so clientIDs are unique across the scenario.
  const client = new BenchClient(spec, framing, peer, stats, config.maxSeq, config.writers, 0x1000_0000 + config.port * 1000);
  writer?.attach((m) => client.send(m));
  return { client, writer, nextCursorUs: 0, nextEditUs: 0, seq: 0 };
});

async function connectAll(): Promise<void> {
  let ok = 0;
  let failed = 0;
  const errors: string[] = [];
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < entries.length) {
      const e = entries[next++];
      try {
        await e.client.connect(config.host, config.port, config.connectTimeoutMs);
        ok++;
      } catch (err) {
        failed++;
        if (errors.length < 5) errors.push((err as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: CONNECT_CONCURRENCY }, lane));
  post({ kind: 'connected', ok, failed, errors });
}

/** Open loop on a fixed cadence; after a stall, resume the cadence instead of bursting to catch up. */
function nextSlot(previous: number, period: number, now: number): number {
  const next = previous + period;
  return next > now ? next : now + period;
}

function run(timeline: NonNullable<WorkerStats['timeline']>): void {
  stats.timeline = timeline;
  const cursorPeriod = 1e6 / config.cursorHz;
  const editPeriod = config.rate > 0 ? 1e6 / config.rate : Infinity;
  for (const e of entries) {
    // Spread the clients' phases over one period so sends are not synchronised.
    e.nextCursorUs = timeline.startUs + (cursorPeriod * e.client.spec.index) / config.totalClients;
    const w = e.client.spec.writer ?? 0;
    e.nextEditUs = timeline.startUs + (editPeriod * w) / Math.max(1, config.writers);
  }
  const timer = setInterval(() => {
    const now = nowUs();
    if (now >= timeline.measureEndUs) {
      clearInterval(timer);
      post({ kind: 'sent', editsSent: stats.editsSent });
      startProgressReports();
      return;
    }
    for (const e of entries) {
      if (e.client.spec.cursors && now >= e.nextCursorUs) {
        e.client.sendCursor(now);
        e.nextCursorUs = nextSlot(e.nextCursorUs, cursorPeriod, now);
      }
      if (e.writer !== null && now >= e.nextEditUs) {
        const seq = e.seq++;
        const sendUs = nowUs();
        e.writer.edit(seq, editMarker(e.client.spec.writer ?? 0, seq, sendUs));
        if (stats.inWindow(sendUs)) stats.editsSent++;
        e.nextEditUs = nextSlot(e.nextEditUs, editPeriod, now);
      }
    }
  }, TICK_MS);
}

let progressTimer: NodeJS.Timeout | null = null;
function startProgressReports(): void {
  progressTimer = setInterval(() => post({ kind: 'progress', editReceived: stats.editReceived }), 200);
}

port.on('message', (msg: ToWorker) => {
  if (msg.kind === 'go') {
    run(msg.timeline);
  } else if (msg.kind === 'finish') {
    if (progressTimer !== null) clearInterval(progressTimer);
    const result = stats.toResult();
    post({ kind: 'result', result });
    // Closing sockets is not measured; the next scenario starts a fresh server anyway.
    for (const e of entries) e.client.close();
    setTimeout(() => process.exit(0), 200).unref();
  }
});

void connectAll();
