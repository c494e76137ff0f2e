import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../server/export/html';
import { eventually } from '../helpers/eventually';
import { gatheringReport } from '../../shared/export/gatheringReport';
import { narrativeDocument } from '../../shared/export/narrativeDocument';
import { HOSTILE_TEXTS, sampleExportDocument } from '../helpers/sampleExportDocument';
import { exportProcess, FACTS, HOSTILE_IMAGE } from '../unit/exportFixture';
import { audit, blocking, describeViolations, installAxe } from './axe';
import { BrowserSession } from './browser';

/** Where this run's screenshots and printed pages go, to be looked at. */
const OUT_DIR = mkdtempSync(path.join(os.tmpdir(), 'flet-html-export-'));

describe('the HTML export in a real browser', () => {
  let session: BrowserSession;
  const dialogs: string[] = [];
  const exported = sampleExportDocument();
  const html = renderHtml(exported);

  beforeAll(async () => {
    session = await BrowserSession.launch();
  });

  afterAll(async () => {
    await session?.close();
    // To be looked at: a municipal reader should find them clean.
    console.log(`HTML export screenshots and printed pages: ${OUT_DIR}`);
  });

  /** The exported page opened as a file is opened: nothing but the page itself. */
  async function open(width: number, height: number): Promise<Page> {
    const context = await session.newContext({ viewport: { width, height }, locale: 'da-DK' });
    await installAxe(context);
    const page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.setContent(html, { waitUntil: 'load' });
    return page;
  }

  it('reads well on a laptop: the hostile notes are words, the notes are linked, axe finds nothing serious', async () => {
    const page = await open(1280, 800);

    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(exported.title);
    for (const hostile of HOSTILE_TEXTS) expect(await page.getByText(hostile, { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('cell', { name: HOSTILE_TEXTS[0] }).or(page.getByRole('rowheader', { name: HOSTILE_TEXTS[0] })).count()).toBe(1);
    expect(await page.getByRole('table', { name: `Afstemning: Vigtigst ${HOSTILE_TEXTS[2]}` }).isVisible()).toBe(true);
    expect(await page.getByRole('img', { name: exported.labels.weaveDescription }).isVisible()).toBe(true);
    expect(await page.locator('img, script').count()).toBe(0);

    // The second note's mark leads to the note, and the note's number leads back.
    await page.locator('sup').getByRole('link', { name: '2', exact: true }).click();
    expect(await page.evaluate(() => location.hash)).toBe('#note-2');
    const note = page.getByRole('region', { name: exported.labels.footnotes }).getByRole('listitem').nth(1);
    expect(await note.textContent()).toContain(HOSTILE_TEXTS[0]);
    await note.getByRole('link', { name: '2', exact: true }).click();
    expect(await page.evaluate(() => location.hash)).toBe('#ref-2');

    const result = await audit(page);
    expect(describeViolations(blocking(result))).toEqual([]);

    await page.screenshot({ path: path.join(OUT_DIR, 'screen-1280.png'), fullPage: true });
    expect(dialogs).toEqual([]);
    expect(session.requests.urls.filter((url) => url !== 'about:blank' && !url.startsWith('data:'))).toEqual([]);
    expect(session.requests.errors).toEqual([]);
  });

  it('fits a phone without scrolling sideways', async () => {
    const page = await open(390, 844);

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // The weave keeps a readable size and scrolls sideways inside its frame, by keyboard too.
    const weave = page.getByRole('img', { name: exported.labels.weaveDescription });
    await page.keyboard.press('Tab');
    for (let step = 0; step < 10 && !(await weave.evaluate((element) => element === document.activeElement)); step++) await page.keyboard.press('Tab');
    expect(await weave.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowRight');
    await eventually(async () => expect(await weave.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0));
    expect(describeViolations(blocking(await audit(page)))).toEqual([]);
    await page.screenshot({ path: path.join(OUT_DIR, 'screen-390.png'), fullPage: true });
  });

  it('prints on A4 pages with the page number in the margin and every word of the document', async () => {
    const page = await open(1280, 800);
    const pdfFile = path.join(OUT_DIR, 'printed.pdf');
    writeFileSync(pdfFile, await page.pdf({ format: 'A4' }));

    const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
    // A4 is 595 × 842 points.
    expect(info).toMatch(/Page size:\s+595\.\d* x 841\.\d*|Page size:\s+595\.\d* x 842/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(1);

    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    expect(text).toContain(`Side 1 / ${pages}`);
    expect(text).toContain(`Side ${pages} / ${pages}`);
    for (const hostile of [HOSTILE_TEXTS[0], HOSTILE_TEXTS[3], 'Noter', 'Erfaringer']) expect(text).toContain(hostile);

    execFileSync('pdftoppm', ['-png', '-r', '60', pdfFile, path.join(OUT_DIR, 'printed')]);
    expect(readdirSync(OUT_DIR).filter((name) => /^printed-\d+\.png$/.test(name))).toHaveLength(pages);
  });

  it('lays out the fixture process’s narrative and its first gathering’s report, and prints them', async () => {
    const { doc, ids } = exportProcess();
    const documents = { narrative: narrativeDocument(doc, FACTS), report: gatheringReport(doc, FACTS, ids.nuuk)! };
    for (const [name, document] of Object.entries(documents)) {
      const context = await session.newContext({ viewport: { width: 1280, height: 800 } });
      await installAxe(context);
      const page = await context.newPage();
      await page.setContent(renderHtml(document), { waitUntil: 'load' });

      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(document.title);
      expect(await page.getByRole('img', { name: document.labels.weaveDescription }).isVisible()).toBe(true);
      expect(await page.getByText(HOSTILE_IMAGE).first().isVisible()).toBe(true);
      expect(await page.locator('img, script').count()).toBe(0);
      expect(describeViolations(blocking(await audit(page)))).toEqual([]);
      await page.screenshot({ path: path.join(OUT_DIR, `${name}-1280.png`), fullPage: true });

      const pdfFile = path.join(OUT_DIR, `${name}.pdf`);
      writeFileSync(pdfFile, await page.pdf({ format: 'A4' }));
      const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
      expect(text).toContain(document.title);
      expect(text).toContain(HOSTILE_IMAGE);
      expect(text).toMatch(/Side 1 \/ \d+/);
      execFileSync('pdftoppm', ['-png', '-r', '60', pdfFile, path.join(OUT_DIR, name)]);
    }
    expect(dialogs).toEqual([]);
  });
});
