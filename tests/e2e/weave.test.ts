import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addGathering, gatheringOf, type Gathering } from '../../shared/domain/gatherings';
import { FACILITATOR } from '../../shared/domain/identity';
import { addLearning, startThread } from '../../shared/domain/threads';
import { weaveOf } from '../../shared/domain/weave';
import { narrativeOf, recordsOf } from '../../shared/schema';
import { createWorkshop, type CreatedWorkshop } from '../helpers/api';
import { addNote } from '../helpers/board';
import { eventually } from '../helpers/eventually';
import { connectClient, type TestClient } from '../helpers/yjsClient';
import { audit, blocking, describeViolations, installAxe } from './axe';
import { waitForCanvas } from './boardPage';
import { screenshot, serverAndBrowser } from './browser';

const PHONE = { width: 390, height: 844 };
const PROJECTOR = { width: 1920, height: 1080 };
/** An A4 landscape page at 96 px per inch, less the print stylesheet's 10 mm margins. */
const A4_PRINTABLE = { width: 1047, height: 718 };
const SEA_NAME = 'Sea and hunting: Nuuk (2 notes), Paamiut (1 note); woven into Hav og fangst';

/** A facilitator's note on a gathering's page, naming the gathering, as the board writes it. */
function noteAt(doc: Y.Doc, id: string, text: string, gathering: Gathering): string {
  addNote(doc, id, text, null);
  const fields = recordsOf(doc).get(id)!;
  doc.transact(() => {
    fields.set('parentId', gathering.pageId);
    fields.set('meta', { ...(fields.get('meta') as Record<string, unknown>), gatheringId: gathering.id });
  });
  return id;
}

/** A section heading and a woven passage quoting one note, in the narrative's format. */
function weaveInto(doc: Y.Doc, sectionId: string, heading: string, threadId: string, quote: { noteId: string; text: string }): void {
  const title = new Y.XmlElement('heading');
  title.setAttribute('sectionId', sectionId);
  const titleText = new Y.XmlText();
  title.insert(0, [titleText]);
  titleText.insert(0, heading);
  const passage = new Y.XmlElement('passage');
  passage.setAttribute('passageId', 'passage:sea');
  passage.setAttribute('threadId', threadId);
  const paragraph = new Y.XmlElement('paragraph');
  passage.insert(0, [paragraph]);
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  const intro = 'The sea ties the towns together. ';
  text.insert(0, intro);
  text.insert(intro.length, `“${quote.text}”`, { source: { noteId: quote.noteId, threadId } });
  narrativeOf(doc).insert(narrativeOf(doc).length, [title, passage]);
}

describe('the weave view', () => {
  const started = serverAndBrowser();
  let workshop: CreatedWorkshop;
  let setup: TestClient;
  let seaThread: string;

  async function openWeave(viewport = { width: 1280, height: 800 }): Promise<Page> {
    const context = await started.session.newContext({ viewport });
    await installAxe(context);
    const page = await context.newPage();
    await page.goto(`${started.server.url}/w/${workshop.id}#token=${workshop.facilitatorToken}`);
    await waitForCanvas(page);
    // The invitation panel, which would cover the view on a phone, starts folded there.
    if (viewport.width < 760) await page.getByRole('button', { name: 'Invite', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Weave', exact: true }).click();
    await page.getByRole('button', { name: SEA_NAME }).waitFor({ timeout: 15_000 });
    return page;
  }

  beforeAll(async () => {
    workshop = await createWorkshop(started.server, { title: 'Vision Sermersooq', language: 'en' });
    setup = connectClient(started.server, workshop.id, workshop.facilitatorToken);
    await setup.synced();
    const doc = setup.doc;
    const nuuk = addGathering(doc, { title: 'Nuuk', place: 'Nuuk', date: '2025-03-12' });
    const tasiilaq = addGathering(doc, { title: 'Tasiilaq', place: 'Tasiilaq', date: '2025-03-16' });
    const paamiut = addGathering(doc, { title: 'Paamiut', place: 'Paamiut', date: '2025-03-20' });
    const boats = noteAt(doc, 'shape:boats', 'Boats for young hunters', nuuk);
    const nets = noteAt(doc, 'shape:nets', 'Shared nets in every settlement', nuuk);
    const quota = noteAt(doc, 'shape:quota', 'Local fishing quotas', paamiut);
    const housing = noteAt(doc, 'shape:housing', 'Flats for young families', tasiilaq);
    const now = Date.now();
    seaThread = startThread(doc, FACILITATOR, { title: 'Sea and hunting', purpose: 'Keep young people in hunting', noteIds: [boats, nets, quota] }, now);
    const housingThread = startThread(doc, FACILITATOR, { title: 'Housing for the young', noteIds: [housing] }, now + 1);
    addLearning(doc, FACILITATOR, housingThread, 'Two flats free in spring', paamiut.id);
    weaveInto(doc, 'section:sea', 'Hav og fangst', seaThread, { noteId: boats, text: 'Boats for young hunters' });
    // Everything is stored once the server has it: a fresh client sees the narrative.
    await eventually(async () => {
      const check = connectClient(started.server, workshop.id, workshop.facilitatorToken);
      try {
        await check.synced();
        expect(narrativeOf(check.doc).length).toBe(2);
      } finally {
        check.destroy();
      }
    });
  });

  afterAll(async () => {
    setup?.destroy();
  });

  it('draws each thread through the gatherings where it has notes or learnings, into the section it was woven into, with a table of the same', async () => {
    const page = await openWeave();
    const sea = page.getByRole('button', { name: SEA_NAME });
    expect(await sea.getAttribute('data-thread-id')).toBe(seaThread);
    expect(await page.locator(`.weave-stops[data-thread-id="${seaThread}"] circle.weave-stop`).count()).toBe(2);
    const housing = page.getByRole('button', { name: 'Housing for the young: Tasiilaq (1 note), Paamiut (1 learning); not woven into the narrative yet' });
    expect(await housing.count()).toBe(1);

    const headers = await page.locator('.weave-table thead th').allInnerTexts();
    expect(headers.map((text) => text.replace(/\s+/g, ' ').trim())).toEqual([
      'Thread',
      'Nuuk 12 March 2025',
      'Tasiilaq 16 March 2025',
      'Paamiut 20 March 2025',
      'Woven into',
    ]);
    const rows = await page.locator('.weave-table tbody tr').evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim())),
    );
    expect(rows).toEqual([
      ['Sea and hunting', '2 notes', 'none', '1 note', 'Hav og fangst'],
      ['Housing for the young', 'none', '1 note', '1 learning', 'Not yet'],
    ]);
    expect(await page.locator('.weave-table th[scope="row"]').count()).toBe(2);
    expect(await page.locator('.weave-table th[scope="col"]').count()).toBe(5);

    const result = await audit(page);
    expect(describeViolations(blocking(result))).toEqual([]);
    await screenshot(page, 'weave-laptop');
    await page.context().close();
  });

  it('says in words that there is nothing to weave yet in a new workshop', async () => {
    const empty = await createWorkshop(started.server, { title: 'Empty', language: 'en' });
    const context = await started.session.newContext();
    await installAxe(context);
    const page = await context.newPage();
    await page.goto(`${started.server.url}/w/${empty.id}#token=${empty.facilitatorToken}`);
    await waitForCanvas(page);
    await page.getByRole('button', { name: 'Weave', exact: true }).click();
    const view = page.locator('.weave-view');
    await view.getByText('No gatherings yet. The facilitator adds them in the Gatherings panel.').waitFor();
    await view.getByText('No threads yet. Start one from notes on the board or in the Threads panel.').waitFor();
    await view.getByText('The narrative has no sections yet. Threads woven into it will end here.').waitFor();
    expect(await view.locator('svg, table').count()).toBe(0);
    expect(describeViolations(blocking(await audit(page)))).toEqual([]);
    await context.close();
  });

  it('opens a thread from its strand by click and by keyboard', async () => {
    const page = await openWeave();
    const threadsPanel = page.getByRole('complementary', { name: 'Threads' });

    // Tab from the print button reaches the first strand; Enter opens its thread.
    await page.getByRole('button', { name: 'Print' }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(SEA_NAME);
    await screenshot(page, 'weave-laptop-focus');
    await page.keyboard.press('Enter');
    await threadsPanel.waitFor();
    expect(await page.getByRole('button', { name: 'Board', exact: true }).getAttribute('aria-current')).toBe('page');

    // A click on the strand where it runs into its section opens it too.
    await page.getByRole('button', { name: 'Weave', exact: true }).click();
    await threadsPanel.waitFor({ state: 'detached' });
    const end = page.getByRole('button', { name: SEA_NAME }).locator('path.weave-line:not(.weave-lead)').first();
    const box = (await end.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await threadsPanel.waitFor();
    await page.context().close();
  });

  it('reads from the back of a room on a 1920×1080 projector and fits a 390-pixel phone', async () => {
    const projector = await openWeave(PROJECTOR);
    const sizes = await projector.evaluate(() => {
      const svg = document.querySelector<SVGSVGElement>('.weave-svg')!;
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      const title = document.querySelector('.weave-strand-title tspan')!.getBoundingClientRect();
      return { scale, titleHeight: title.height, strokeWidth: 8 * scale, width: svg.getBoundingClientRect().width };
    });
    // Titles over 28 px high and strands over 6 px wide; the figure within the screen's width.
    expect(sizes.titleHeight).toBeGreaterThanOrEqual(28);
    expect(sizes.strokeWidth).toBeGreaterThanOrEqual(6);
    expect(sizes.width).toBeLessThanOrEqual(PROJECTOR.width);
    await screenshot(projector, 'weave-projector');
    expect(describeViolations(blocking(await audit(projector)))).toEqual([]);

    // In Danish and Swedish the figure speaks their words, and stays clean.
    await projector.getByLabel('Language').selectOption('da');
    await projector.getByRole('button', { name: 'Sea and hunting: Nuuk (2 sedler), Paamiut (1 seddel); flettet ind i Hav og fangst' }).waitFor();
    await screenshot(projector, 'weave-projector-da');
    expect(describeViolations(blocking(await audit(projector)))).toEqual([]);
    await projector.getByLabel('Sprog').selectOption('sv');
    await projector.getByRole('button', { name: 'Sea and hunting: Nuuk (2 lappar), Paamiut (1 lapp); inflätad i Hav og fangst' }).waitFor();
    expect(describeViolations(blocking(await audit(projector)))).toEqual([]);
    await projector.context().close();

    const phone = await openWeave(PHONE);
    // The page itself does not scroll sideways: the figure scrolls in its own box.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await phone.locator('.weave-scroll').evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true);
    await screenshot(phone, 'weave-phone');
    await phone.locator('.weave-table').scrollIntoViewIfNeeded();
    await screenshot(phone, 'weave-phone-table');
    expect(describeViolations(blocking(await audit(phone)))).toEqual([]);
    await phone.context().close();
  });

  it('prints the figure alone on one A4 landscape page, a dozen threads too', async () => {
    // Emulated print lays the page out at the window's width: a window the size of the page's printable area.
    const page = await openWeave(A4_PRINTABLE);
    const gatherings = weaveOf(setup.doc).gatherings;
    for (let index = 0; index < 10; index++) {
      const gathering = gatheringOf(setup.doc, gatherings[index % 3].id)!;
      const note = noteAt(setup.doc, `shape:more${index}`, `Idea ${index}`, gathering);
      startThread(setup.doc, FACILITATOR, { title: `Trial action number ${index + 1} with a longer title`, noteIds: [note] });
    }
    await eventually(async () => expect(await page.locator('.weave-strand').count()).toBe(12));
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.topbar', '.board-nav', '.weave-table-section', '.weave-print']) {
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    }
    const figure = (await page.locator('.weave-svg').boundingBox())!;
    const view = (await page.locator('.weave-view').boundingBox())!;
    expect(figure.width).toBeLessThanOrEqual(A4_PRINTABLE.width);
    expect(view.height).toBeLessThanOrEqual(A4_PRINTABLE.height);
    await screenshot(page, 'weave-print');

    const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page(?!s)/g)?.length).toBe(1);
    // A4 landscape is 842 × 595 points.
    const [width, height] = (pdf.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/)?.slice(1) ?? []).map(Number);
    expect(Math.abs(width - 842)).toBeLessThan(1);
    expect(Math.abs(height - 595)).toBeLessThan(1);
    await page.context().close();
  });
});
