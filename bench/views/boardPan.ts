import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { createTLSchema } from '@tldraw/tlschema';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { buildClient, createWorkshop, fillThroughServer, launchChromium, participantUrl, startFlet, type FletServer } from './fletServer';
import type { ProcessSize } from './processBoard';
import { boardPanRows, SLOW_FRAME_MS } from './boardPanReport';
import { serveDirectory } from './staticServer';

/**
 * Flet's board against tldraw alone, in one run: the same 2,000 notes opened and panned in
 * headless Chromium at 1440×900. tldraw alone is a bare <Tldraw> of the same version given
 * the notes as a store snapshot (tldrawAlone/), built with Vite and served from 127.0.0.1;
 * Flet is a participant's board on the built server, the notes on its one gathering's page
 * with threads through them (strands drawn). Each round opens both, in fresh browser
 * contexts, one after the other.
 */
export interface BoardSide {
  /** Milliseconds from navigation until every note is in the DOM and two frames painted (median). */
  openMs: number;
  openRunsMs: number[];
  /** Frame times over the pans of every round (ms between animation frames). */
  panFrameP50Ms: number;
  panFrameP99Ms: number;
  /** Time spent inside the camera changes themselves (synchronous reactions), per pan (median). */
  cameraMs: number;
  /** Total duration of long tasks (over 50 ms) during a pan (median). */
  longTasksMs: number;
  /** Milliseconds from navigation until the editor was mounted (median). */
  editorMs: number;
  /** Flet's performance marks of the opening, ms from navigation (median; none for tldraw alone). */
  marks: Record<string, number>;
  /** Frames of a pan slower than tldraw's camera-moving timeout (median). */
  slowFrames: number;
  /** Changes of the instance state's cameraState during a pan, and of anything else in it (median). */
  cameraStateChanges: number;
  otherInstanceChanges: number;
}

export interface BoardPanResult {
  notes: number;
  threads: number;
  viewport: string;
  frames: number;
  rounds: number;
  flet: BoardSide;
  tldraw: BoardSide;
}

const VIEWPORT = { width: 1440, height: 900 };
/** The board: one gathering, so every note is on the page a participant opens on. */
export const PAN_BOARD: ProcessSize = { gatherings: 1, notes: 2_000, threads: 40, notesPerThread: 10, sections: 8 };
const FRAMES = 120;
/** Camera movement per frame (screen pixels at zoom 1): new notes come into view as it pans. */
const STEP = { x: 12, y: 8 };

/**
 * Installed before any page script: watches, each frame, for every note in the DOM, then
 * notes when two more frames have been painted. Both pages carry the same watcher.
 */
const OPEN_WATCHER = (notes: number): string => `
  window.__benchOpen = { drawnAt: null, paintedAt: null, editorAt: null, firstShapeAt: null };
  const shapes = document.getElementsByClassName('tl-shape');
  const poll = () => {
    if (window.__benchOpen.editorAt === null && (window.__benchEditor || window.__fletEditor)) window.__benchOpen.editorAt = performance.now();
    if (window.__benchOpen.firstShapeAt === null && shapes.length > 0) window.__benchOpen.firstShapeAt = performance.now();
    if (shapes.length >= ${notes} && document.querySelectorAll('.tl-shape[data-shape-type="note"]').length >= ${notes}) {
      window.__benchOpen.drawnAt = performance.now();
      requestAnimationFrame(() => requestAnimationFrame(() => { window.__benchOpen.paintedAt = performance.now(); }));
      return;
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
`;

/** Pans the camera one step per animation frame, as a drag would; a string so no bundler helper leaks into the page. */
const PAN = `async ({ frames, dx, dy }) => {
  const editor = window.__benchEditor || window.__fletEditor;
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  editor.setCamera({ x: 0, y: 0, z: 1 });
  for (let i = 0; i < 30; i++) await nextFrame();
  const longTasks = [];
  const observer = new PerformanceObserver((list) => { for (const entry of list.getEntries()) longTasks.push(entry.duration); });
  observer.observe({ type: 'longtask' });
  // What changed in this browser's instance state during the pan: each change makes tldraw
  // re-check everything that depends on it (thousands of reactions on a big board).
  const instanceChanges = {};
  const stopListening = editor.store.listen(({ changes }) => {
    for (const [from, to] of Object.values(changes.updated)) {
      if (from.typeName !== 'instance') continue;
      for (const key of Object.keys(to)) if (from[key] !== to[key]) instanceChanges[key] = (instanceChanges[key] || 0) + 1;
    }
  }, { scope: 'session' });
  const frameMs = [];
  let cameraMs = 0;
  let last = await nextFrame();
  for (let i = 1; i <= frames; i++) {
    const before = performance.now();
    editor.setCamera({ x: -i * dx, y: -i * dy, z: 1 });
    cameraMs += performance.now() - before;
    const now = await nextFrame();
    frameMs.push(now - last);
    last = now;
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
  observer.disconnect();
  stopListening();
  return { frameMs, cameraMs, longTasksMs: longTasks.reduce((sum, d) => sum + d, 0), instanceChanges };
}`;

interface PanRun {
  frameMs: number[];
  cameraMs: number;
  longTasksMs: number;
  instanceChanges: Record<string, number>;
}

/** Builds tldraw alone with the board's records as its snapshot; returns the directory. */
export async function buildTldrawAlone(records: Array<Record<string, unknown>>): Promise<string> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'flet-bench-tldraw-alone-'));
  await build({
    root: path.resolve(import.meta.dirname, 'tldrawAlone'),
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, minify: process.env.BENCH_NO_MINIFY !== '1', chunkSizeWarningLimit: 4000, assetsInlineLimit: 0 },
  });
  const store = Object.fromEntries(records.map((record) => [record.id as string, record]));
  writeFileSync(path.join(outDir, 'snapshot.json'), JSON.stringify({ store, schema: createTLSchema().serialize() }));
  return outDir;
}

interface Run {
  openMs: number;
  /** When the editor was there (first frame after its mount). */
  editorMs: number;
  /** Flet's own performance marks of the opening (client/sync): session, socket-open, synced, store-filled. */
  marks: Record<string, number>;
  pan: PanRun;
}

async function openAndPan(browser: Browser, url: string, notes: number, profile?: (page: Page) => Promise<() => Promise<void>>): Promise<Run> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-GB' });
  try {
    const page = await context.newPage();
    await page.addInitScript(OPEN_WATCHER(notes));
    await page.goto(url);
    // A function, not a string: Flet's content security policy forbids eval in the page.
    await page.waitForFunction(() => (window as { __benchOpen?: { paintedAt: number | null } }).__benchOpen?.paintedAt != null, null, {
      polling: 100,
      timeout: 120_000,
    });
    const open = (await page.evaluate(
      `({ ...window.__benchOpen, marks: Object.fromEntries(performance.getEntriesByType('mark').map((e) => [e.name, Math.round(e.startTime)])) })`,
    )) as { paintedAt: number; editorAt: number | null; marks: Record<string, number> };
    const openMs = open.paintedAt;
    // Let the page settle (fonts, presence, the first reactions) before it is panned.
    await page.waitForTimeout(1_500);
    const stopProfile = profile ? await profile(page) : null;
    const pan = (await page.evaluate(`(${PAN})(${JSON.stringify({ frames: FRAMES, dx: STEP.x, dy: STEP.y })})`)) as PanRun;
    await stopProfile?.();
    return { openMs, editorMs: open.editorAt ?? openMs, marks: open.marks, pan };
  } finally {
    await context.close();
  }
}

/** A CPU profile of the pan (Chrome DevTools Protocol), written to `dir/name.cpuprofile`. */
function profileTo(dir: string | undefined, name: string): ((page: Page) => Promise<() => Promise<void>>) | undefined {
  if (!dir) return undefined;
  return async (page) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    return async () => {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    };
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];
}

const round1 = (value: number): number => Math.round(value * 10) / 10;

const median = (values: number[]): number => percentile(values, 0.5);

function side(runs: Run[]): BoardSide {
  const frames = runs.flatMap((run) => run.pan.frameMs);
  const markNames = [...new Set(runs.flatMap((r) => Object.keys(r.marks)))];
  return {
    openMs: Math.round(median(runs.map((r) => r.openMs))),
    editorMs: Math.round(median(runs.map((r) => r.editorMs))),
    marks: Object.fromEntries(markNames.map((name) => [name, Math.round(median(runs.map((r) => r.marks[name] ?? NaN).filter((v) => !Number.isNaN(v))))])),
    openRunsMs: runs.map((r) => Math.round(r.openMs)),
    panFrameP50Ms: round1(percentile(frames, 0.5)),
    panFrameP99Ms: round1(percentile(frames, 0.99)),
    cameraMs: round1(percentile(runs.map((r) => r.pan.cameraMs), 0.5)),
    longTasksMs: Math.round(percentile(runs.map((r) => r.pan.longTasksMs), 0.5)),
    slowFrames: Math.round(median(runs.map((r) => r.pan.frameMs.filter((f) => f > SLOW_FRAME_MS).length))),
    cameraStateChanges: Math.round(median(runs.map((r) => r.pan.instanceChanges.cameraState ?? 0))),
    otherInstanceChanges: Math.round(
      median(runs.map((r) => Object.entries(r.pan.instanceChanges).reduce((sum, [key, count]) => (key === 'cameraState' ? sum : sum + count), 0))),
    ),
  };
}

/**
 * Builds Flet's client and tldraw alone, starts the built server, fills one workshop and
 * measures both pages `rounds` times. `profileDir`: write a CPU profile of each Flet pan there.
 */
export async function measureBoardPan(rounds = 3, options: { profileDir?: string; skipClientBuild?: boolean } = {}): Promise<BoardPanResult> {
  if (!options.skipClientBuild) buildClient();
  let server: FletServer | null = null;
  let alone: { url: string; stop(): Promise<void> } | null = null;
  let aloneDir: string | null = null;
  const browser = await launchChromium();
  try {
    server = await startFlet();
    const workshop = await createWorkshop(server.base, 'Board of 2,000 notes');
    const records = await fillThroughServer(server.wsUrl, workshop, PAN_BOARD);
    aloneDir = await buildTldrawAlone(records);
    alone = await serveDirectory(aloneDir);
    const runs = { flet: [] as Run[], tldraw: [] as Run[] };
    for (let round = 0; round < rounds; round++) {
      runs.tldraw.push(await openAndPan(browser, alone.url, PAN_BOARD.notes, profileTo(options.profileDir, `tldraw-pan-${round + 1}`)));
      const url = await participantUrl(server.base, workshop, `Deltager ${round + 1}`);
      runs.flet.push(await openAndPan(browser, url, PAN_BOARD.notes, profileTo(options.profileDir, `flet-pan-${round + 1}`)));
    }
    return {
      notes: PAN_BOARD.notes,
      threads: PAN_BOARD.threads,
      viewport: `${VIEWPORT.width}×${VIEWPORT.height}`,
      frames: FRAMES,
      rounds,
      flet: side(runs.flet),
      tldraw: side(runs.tldraw),
    };
  } finally {
    await browser.close();
    await alone?.stop();
    server?.stop();
    if (aloneDir) rmSync(aloneDir, { recursive: true, force: true });
  }
}

/** A standalone run: `npx tsx bench/views/boardPan.ts [rounds] [profileDir]`. */
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const rounds = Number(process.argv[2] ?? 3);
  const profileDir = process.argv[3];
  const result = await measureBoardPan(rounds, { profileDir, skipClientBuild: process.env.BENCH_SKIP_BUILD === '1' });
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  for (const row of boardPanRows(result)) process.stdout.write(row.join('\t') + '\n');
  // Vite's build service would keep the process alive.
  process.exit(0);
}
