import type { Page } from 'playwright-core';
import { buildClient, createWorkshop, fillThroughServer, launchChromium, startFlet, type FletServer } from './fletServer';
import { BENCH_PROCESS, type ProcessSize } from './processBoard';

/**
 * How long the process views take to open in a real browser: the board with nothing on it,
 * the board of a process with 3 gatherings, 2,000 notes and 40 threads, and that process's
 * weave view and narrative. Each is measured a few times in Debian's Chromium at projector
 * size against the built client and server, and the median reported.
 */
export interface ViewOpenTimes {
  process: ProcessSize;
  repetitions: number;
  /** Milliseconds from navigation to the painted board, empty workshop. */
  emptyBoardMs: number;
  /** The same for the full process (the current gathering's notes painted). */
  processBoardMs: number;
  /** Milliseconds from choosing the view to it painted, on the full process. */
  weaveViewMs: number;
  narrativeMs: number;
}

const PROJECTOR_SIZE = { width: 1920, height: 1080 };

/** Milliseconds since navigation when two frames have been painted after `ready` holds. */
async function paintedAt(page: Page): Promise<number> {
  return page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())))));
}

async function openBoard(page: Page, url: string, withNotes: boolean): Promise<number> {
  await page.goto(url);
  await page.locator(withNotes ? '.tl-shape' : '.tl-canvas').first().waitFor({ state: 'visible', timeout: 60_000 });
  return paintedAt(page);
}

async function openView(page: Page, button: string, painted: string): Promise<number> {
  const before = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.getByText(painted).first().waitFor({ state: 'visible', timeout: 60_000 });
  return (await paintedAt(page)) - before;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]);
}

/** Builds the client, starts the built server, fills a process and measures the views. */
export async function measureViewOpen(repetitions = 3, size: ProcessSize = BENCH_PROCESS): Promise<ViewOpenTimes> {
  buildClient();
  let server: FletServer | null = null;
  const browser = await launchChromium();
  try {
    server = await startFlet();
    const empty = await createWorkshop(server.base, 'Empty board');
    const full = await createWorkshop(server.base, 'Vision process');
    await fillThroughServer(server.wsUrl, full, size);
    const times = { empty: [] as number[], board: [] as number[], weave: [] as number[], narrative: [] as number[] };
    for (let round = 0; round < repetitions; round++) {
      const context = await browser.newContext({ viewport: PROJECTOR_SIZE, locale: 'en-GB' });
      const page = await context.newPage();
      times.empty.push(await openBoard(page, empty.urls.facilitator, false));
      times.board.push(await openBoard(page, full.urls.facilitator, true));
      times.weave.push(await openView(page, 'Weave', `Prøvehandling ${size.threads}`));
      times.narrative.push(await openView(page, 'Narrative', `Afsnit ${size.sections}`));
      await context.close();
    }
    return {
      process: size,
      repetitions,
      emptyBoardMs: median(times.empty),
      processBoardMs: median(times.board),
      weaveViewMs: median(times.weave),
      narrativeMs: median(times.narrative),
    };
  } finally {
    await browser.close();
    server?.stop();
  }
}
