import { Worker } from 'node:worker_threads';
import { nowUs } from './clients/clock';
import type { ClientSession, ClientSpec, FromWorker, ToWorker, WorkerConfig, WorkerResult } from './clients/protocol';
import { countOf, mergeInto, newHistogram, quantileMs } from './histogram';
import { CpuWindow, MachineCpuWindow, RssSampler, rssMb } from './measure';
import type { Scenario } from './scenarios';
import { HOST, type RunningServer } from './servers';

/**
 * Runs one scenario against one running server: spreads the clients over worker threads,
 * drives the shared timeline (warm-up, measured window, drain) and collects the numbers.
 */
export interface Timing {
  warmupS: number;
  measureS: number;
  /** Longest wait after the window for in-flight edits; a collapsed server stops here. */
  drainMaxS: number;
  workers: number;
}

export interface Measured {
  p50_ms: number | null;
  p99_ms: number | null;
  cursor_p99_ms: number | null;
  lost: number;
  server_rss_mb: number;
  server_cpu_pct: number | null;
  /** Diagnostics, kept out of the contract's JSON. */
  detail: {
    editsSent: number;
    editsExpected: number;
    editsReceived: number;
    cursorP50Ms: number | null;
    cursorsSent: number;
    cursorsReceived: number;
    echoesSent: number;
    connectFailures: number;
    connectErrors: string[];
    disconnects: number;
    disconnectReasons: string[];
    loadgenCpuPct: number | null;
    /** CPU used on the machine by anything but the server and the load generator (% of one core). */
    otherCpuPct: number | null;
    loadgenMaxQueuedBytes: number;
    /** Worst event-loop delay p99 and max over the load threads (ms). */
    loadgenLoopDelayP99Ms: number;
    loadgenLoopDelayMaxMs: number;
    serverRssHwmMb: number | null;
    /** Server RSS before any bench client connected: its baseline. */
    serverRssIdleMb: number | null;
    drainS: number;
    serverExit: string | null;
    /** Warnings the server logged during the run: on Flet, a refused update would show here. */
    serverWarnings: number;
    serverWarningSamples: string[];
  };
}

const CONNECT_TIMEOUT_MS = 15_000;
/**
 * How long a server is left alone after its setup (Flet: the workshop and every participant's
 * join) before its idle memory is read: long enough for what a server frees once nothing
 * happens (Flet's checkpointing thread stops 4–8 s after the last commit).
 */
const IDLE_QUIET_MS = 10_000;
/**
 * Every n-th client measures cursor latency. Reading 400,000 awareness entries a second at
 * every client would make the load generator's own lateness part of the result; a quarter
 * of the receivers still gives 100,000 samples a second. Edits are measured at every client.
 */
const CURSOR_SAMPLE_EVERY = 4;

function specsFor(s: Scenario, sessions: ClientSession[]): ClientSpec[] {
  if (sessions.length < s.clients) throw new Error(`the room has ${sessions.length} sessions for ${s.clients} clients`);
  return Array.from({ length: s.clients }, (_, index) => ({
    index,
    writer: index < s.writers ? index : null,
    cursors: s.cursorHz > 0,
    measureCursors: index % CURSOR_SAMPLE_EVERY === 0,
    echo: s.echo,
    session: sessions[index],
  }));
}

class WorkerHandle {
  readonly worker: Worker;
  private readonly waiters = new Map<FromWorker['kind'], (m: FromWorker) => void>();
  progress = 0;

  constructor(config: WorkerConfig) {
    this.worker = new Worker(new URL('./clients/workerEntry.mjs', import.meta.url), { workerData: config });
    this.worker.on('message', (m: FromWorker) => {
      if (m.kind === 'progress') this.progress = m.editReceived;
      const w = this.waiters.get(m.kind);
      if (w !== undefined) {
        this.waiters.delete(m.kind);
        w(m);
      }
    });
    this.worker.on('error', (err) => {
      process.stderr.write(`bench worker error: ${err.message}\n`);
    });
  }

  next<K extends FromWorker['kind']>(kind: K, timeoutMs: number): Promise<Extract<FromWorker, { kind: K }> | null> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(kind);
        resolve(null);
      }, timeoutMs);
      this.waiters.set(kind, (m) => {
        clearTimeout(timer);
        resolve(m as Extract<FromWorker, { kind: K }>);
      });
    });
  }

  send(m: ToWorker): void {
    this.worker.postMessage(m);
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, Math.max(0, ms)));

export async function runLoad(server: RunningServer, scenario: Scenario, timing: Timing): Promise<Measured> {
  const specs = specsFor(scenario, server.room.sessions);
  const workerCount = Math.max(1, Math.min(timing.workers, specs.length));
  const maxSeq = Math.ceil(scenario.rate * (timing.warmupS + timing.measureS) * 1.5) + 20;
  await sleep(IDLE_QUIET_MS);
  const rssIdleMb = rssMb(server.pid);
  const handles = Array.from({ length: workerCount }, (_, w) => {
    const config: WorkerConfig = {
      host: HOST,
      port: server.port,
      framing: server.room.framing,
      documentName: server.room.documentName,
      clients: specs.filter((_, i) => i % workerCount === w),
      totalClients: specs.length,
      writers: scenario.writers,
      rate: scenario.rate,
      cursorHz: scenario.cursorHz || 10,
      maxSeq,
      connectTimeoutMs: CONNECT_TIMEOUT_MS,
    };
    return new WorkerHandle(config);
  });
  const rss = new RssSampler(server.pid);
  const serverCpu = new CpuWindow(server.pid);
  const loadgenCpu = new CpuWindow('self');
  const machineCpu = new MachineCpuWindow();
  try {
    const connected = await Promise.all(handles.map((h) => h.next('connected', CONNECT_TIMEOUT_MS * 4)));
    let connectFailures = 0;
    const connectErrors: string[] = [];
    connected.forEach((c, i) => {
      if (c === null) {
        connectFailures += specs.filter((_, j) => j % workerCount === i).length;
        connectErrors.push('worker did not finish connecting');
      } else {
        connectFailures += c.failed;
        connectErrors.push(...c.errors);
      }
    });

    const startUs = nowUs() + 200_000;
    const timeline = {
      startUs,
      measureStartUs: startUs + timing.warmupS * 1e6,
      measureEndUs: startUs + (timing.warmupS + timing.measureS) * 1e6,
    };
    const sentPromises = handles.map((h) => h.next('sent', (timing.warmupS + timing.measureS) * 1000 + 30_000));
    for (const h of handles) h.send({ kind: 'go', timeline });

    await sleep((timeline.measureStartUs - nowUs()) / 1000);
    serverCpu.begin();
    loadgenCpu.begin();
    machineCpu.begin();
    await sleep((timeline.measureEndUs - nowUs()) / 1000);
    const serverCpuPct = serverCpu.end();
    const loadgenCpuPct = loadgenCpu.end();
    const machineCpuPct = machineCpu.end();
    const otherCpuPct =
      machineCpuPct === null ? null : Math.max(0, machineCpuPct - (serverCpuPct ?? 0) - (loadgenCpuPct ?? 0));

    const sent = await Promise.all(sentPromises);
    const editsSent = sent.reduce((n, m) => n + (m?.editsSent ?? 0), 0);
    const editsExpected = editsSent * (scenario.clients - 1);

    // Drain: wait until every in-window edit has reached every other client, or give up.
    const drainStart = performance.now();
    while (performance.now() - drainStart < timing.drainMaxS * 1000) {
      await sleep(200);
      if (handles.reduce((n, h) => n + h.progress, 0) >= editsExpected) break;
    }
    const drainS = (performance.now() - drainStart) / 1000;

    const results = await Promise.all(
      handles.map((h) => {
        const r = h.next('result', 15_000);
        h.send({ kind: 'finish' });
        return r;
      }),
    );
    const rssPeak = rss.stop();
    return summarise(
      results.map((r) => r?.result ?? null),
      { editsSent, editsExpected, connectFailures, connectErrors, loadgenCpuPct, otherCpuPct, serverCpuPct, drainS },
      { ...rssPeak, idleMb: rssIdleMb },
      { exit: server.exitedEarly(), warnings: server.warnings() },
    );
  } finally {
    rss.stop();
    await Promise.all(handles.map((h) => h.worker.terminate()));
  }
}

function summarise(
  results: (WorkerResult | null)[],
  run: {
    editsSent: number;
    editsExpected: number;
    connectFailures: number;
    connectErrors: string[];
    loadgenCpuPct: number | null;
    otherCpuPct: number | null;
    serverCpuPct: number | null;
    drainS: number;
  },
  rss: { peakMb: number; hwmMb: number | null; idleMb: number | null },
  server: { exit: string | null; warnings: { count: number; samples: string[] } },
): Measured {
  const editHist = newHistogram();
  const cursorHist = newHistogram();
  let cursorsSent = 0;
  let echoesSent = 0;
  let disconnects = 0;
  let maxQueued = 0;
  let loopP99 = 0;
  let loopMax = 0;
  const disconnectReasons: string[] = [];
  for (const r of results) {
    if (r === null) {
      disconnectReasons.push('a worker sent no result');
      continue;
    }
    mergeInto(editHist, r.editHist);
    mergeInto(cursorHist, r.cursorHist);
    cursorsSent += r.cursorsSent;
    echoesSent += r.echoesSent;
    disconnects += r.disconnects;
    maxQueued = Math.max(maxQueued, r.maxBufferedBytes);
    loopP99 = Math.max(loopP99, r.loopDelayP99Ms);
    loopMax = Math.max(loopMax, r.loopDelayMaxMs);
    disconnectReasons.push(...r.disconnectReasons);
  }
  const editsReceived = countOf(editHist);
  const cursorsReceived = countOf(cursorHist);
  return {
    p50_ms: quantileMs(editHist, 0.5),
    p99_ms: quantileMs(editHist, 0.99),
    cursor_p99_ms: quantileMs(cursorHist, 0.99),
    lost: Math.max(0, run.editsExpected - editsReceived),
    server_rss_mb: rss.peakMb,
    server_cpu_pct: run.serverCpuPct,
    detail: {
      editsSent: run.editsSent,
      editsExpected: run.editsExpected,
      editsReceived,
      cursorP50Ms: quantileMs(cursorHist, 0.5),
      cursorsSent,
      cursorsReceived,
      echoesSent,
      connectFailures: run.connectFailures,
      connectErrors: run.connectErrors.slice(0, 5),
      disconnects,
      disconnectReasons: disconnectReasons.slice(0, 5),
      loadgenCpuPct: run.loadgenCpuPct,
      otherCpuPct: run.otherCpuPct,
      loadgenMaxQueuedBytes: maxQueued,
      loadgenLoopDelayP99Ms: loopP99,
      loadgenLoopDelayMaxMs: loopMax,
      serverRssHwmMb: rss.hwmMb,
      serverRssIdleMb: rss.idleMb,
      drainS: run.drainS,
      serverExit: server.exit,
      serverWarnings: server.warnings.count,
      serverWarningSamples: server.warnings.samples,
    },
  };
}
