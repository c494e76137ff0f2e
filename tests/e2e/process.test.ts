import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatheringsOf } from '../../shared/domain/gatherings';
import { passagesOf } from '../../shared/domain/narrative';
import { threadsOf } from '../../shared/domain/threads';
import { createWorkshop, joinWorkshop, type CreatedWorkshop } from '../helpers/api';
import { eventually } from '../helpers/eventually';
import { connectClient, type TestClient } from '../helpers/yjsClient';
import { notesOn, waitForCanvas } from './boardPage';
import { screenshot, serverAndBrowser } from './browser';

const THREAD = 'Boats all year';
const NOTES = {
  anna: 'The boat is our road in winter',
  boIce: 'Sea ice closes the fjord in March',
  boSchool: 'Children travel far to school',
  carl: 'The clinic needs a night nurse',
};
const PROJECTOR_SIZE = { width: 1920, height: 1080 };

/**
 * The whole of a process, as its people carry it through the views: the facilitator sets up
 * three gatherings in three towns, participants write notes in two of them, one of them links
 * notes from both into a thread, its owner writes what was learned, the facilitator weaves
 * it into the narrative, two editors write in the passage at once, and everyone can see where
 * each voice went. Every step goes through what a person sees and clicks; a raw client only
 * watches the shared document to confirm what was stored.
 */
describe('a process from notes in three towns to a woven narrative', () => {
  const started = serverAndBrowser();
  let workshop: CreatedWorkshop;
  let observer: TestClient;

  async function open(token: string, viewport = PROJECTOR_SIZE): Promise<Page> {
    const context = await started.session.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(`${started.server.url}/w/${workshop.id}#token=${token}`);
    await waitForCanvas(page);
    await eventually(async () => expect(await page.locator('[data-status]').first().getAttribute('data-status')).toBe('connected'), {
      timeout: 15_000,
    });
    return page;
  }

  const bar = (page: Page) => page.getByRole('region', { name: 'Gathering' });
  const threadsPanel = (page: Page) => page.getByRole('complementary', { name: 'Threads' });
  const note = (page: Page, text: string) => page.locator('.tl-shape[data-shape-type="note"]').filter({ hasText: text });
  const view = (page: Page, name: 'Board' | 'Weave' | 'Narrative') => page.getByRole('button', { name, exact: true }).click();

  /** Writes a note with the note tool in the middle of the canvas, as a person would. */
  async function writeNote(page: Page, text: string, offset: number): Promise<void> {
    const area = (await page.locator('.tl-canvas').first().boundingBox())!;
    await page.mouse.click(area.x + area.width * 0.3, area.y + area.height * 0.3);
    await page.keyboard.press('Escape');
    await page.keyboard.press('n');
    await page.mouse.click(area.x + area.width * (0.3 + offset), area.y + area.height * 0.4);
    await page.waitForFunction(() => Boolean(window.__fletEditor?.getEditingShapeId()));
    const editing = page.locator('.tl-shape[data-shape-type="note"] [contenteditable="true"]').first();
    await editing.waitFor();
    await eventually(async () => expect(await page.evaluate(() => document.activeElement?.getAttribute('contenteditable'))).toBe('true'));
    await page.keyboard.type(text, { delay: 10 });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await eventually(async () => expect((await notesOn(page)).some((seen) => seen.text === text)).toBe(true));
  }

  /** Selects notes on the current page by clicking them, the first plainly and the rest with shift. */
  async function selectNotes(page: Page, texts: string[]): Promise<void> {
    await page.keyboard.press('Escape');
    for (const [index, text] of texts.entries()) {
      const box = (await note(page, text).boundingBox())!;
      if (index > 0) await page.keyboard.down('Shift');
      await page.mouse.click(box.x + 12, box.y + 12);
      if (index > 0) await page.keyboard.up('Shift');
    }
    await eventually(async () => expect(await page.evaluate(() => window.__fletEditor!.getSelectedShapeIds().length)).toBe(texts.length));
  }

  beforeAll(async () => {
    workshop = await createWorkshop(started.server, { title: 'Sermersooq vision', language: 'en' });
    observer = connectClient(started.server, workshop.id, workshop.facilitatorToken);
    await observer.synced();
  });

  afterAll(async () => {
    observer?.destroy();
  });

  it('is carried from notes to a woven narrative with its provenance, through the views people use', async () => {
    const annaJoin = await joinWorkshop(started.server, workshop.joinCode, 'citizen', 'Anna');
    const boJoin = await joinWorkshop(started.server, workshop.joinCode, 'politician', 'Bo');
    const carlJoin = await joinWorkshop(started.server, workshop.joinCode, 'employee', 'Carl');

    // The facilitator sets up the three gatherings.
    const lead = await open(workshop.facilitatorToken);
    await lead.getByRole('button', { name: 'Hide', exact: true }).click();
    await lead.getByRole('button', { name: 'Gatherings', exact: true }).click();
    const gatheringsPanel = lead.getByRole('complementary', { name: 'Gatherings' });
    for (const [title, date] of [['Nuuk', '2027-03-12'], ['Tasiilaq', '2027-03-16'], ['Paamiut', '2027-03-20']]) {
      await gatheringsPanel.getByLabel('Title').last().fill(title);
      await gatheringsPanel.getByLabel('Place').last().fill(title);
      await gatheringsPanel.getByLabel('Date').last().fill(date);
      await gatheringsPanel.getByRole('button', { name: 'Add gathering' }).click();
      await eventually(async () => expect(await gatheringsPanel.getByRole('status').textContent()).toContain(`${title} was added.`));
    }
    await eventually(() => expect(gatheringsOf(observer.doc).map((g) => g.place)).toEqual(['Nuuk', 'Tasiilaq', 'Paamiut']));
    const [nuuk, tasiilaq] = gatheringsOf(observer.doc);

    // Participants open on the current gathering, Nuuk, and write there; Bo goes to Tasiilaq.
    const anna = await open(annaJoin.token);
    const bo = await open(boJoin.token);
    const carl = await open(carlJoin.token);
    for (const page of [anna, bo, carl]) await eventually(async () => expect(await page.getByTestId('gathering-here').textContent()).toContain('You are in Nuuk'));
    await writeNote(anna, NOTES.anna, 0);
    await writeNote(carl, NOTES.carl, 0.2);
    await bar(bo).getByRole('button', { name: 'Tasiilaq' }).click();
    await eventually(async () => expect(await bo.getByTestId('gathering-here').textContent()).toContain('You are in Tasiilaq'));
    await eventually(async () => expect(await bo.evaluate(() => window.__fletEditor!.getCurrentPageId() as string)).toBe(tasiilaq.pageId));
    await writeNote(bo, NOTES.boIce, 0);
    await writeNote(bo, NOTES.boSchool, 0.25);
    const stored = await eventually(async () => {
      const notes = await notesOn(lead);
      expect(notes).toHaveLength(4);
      return new Map(notes.map((seen) => [seen.text, seen]));
    });
    expect(stored.get(NOTES.anna)?.meta.gatheringId).toBe(nuuk.id);
    expect(stored.get(NOTES.boIce)?.meta.gatheringId).toBe(tasiilaq.id);

    // Anna starts a thread from her note in Nuuk, then links both of Bo's notes in Tasiilaq.
    await selectNotes(anna, [NOTES.anna]);
    await anna.getByRole('button', { name: 'Add note to thread' }).click();
    const start = anna.getByRole('dialog', { name: 'Add 1 note to a thread' });
    await start.getByLabel('Or start a new thread titled').fill(THREAD);
    await start.getByRole('button', { name: 'Start new thread' }).click();
    await bar(anna).getByRole('button', { name: 'Tasiilaq' }).click();
    await note(anna, NOTES.boSchool).waitFor();
    await selectNotes(anna, [NOTES.boIce, NOTES.boSchool]);
    await anna.getByRole('button', { name: 'Add 2 notes to thread' }).click();
    await anna.getByRole('dialog', { name: 'Add 2 notes to a thread' }).getByRole('button', { name: new RegExp(THREAD) }).click();
    const thread = await eventually(() => {
      const found = threadsOf(observer.doc).find((candidate) => candidate.title === THREAD);
      expect(found?.noteIds).toEqual([stored.get(NOTES.anna)!.id, stored.get(NOTES.boIce)!.id, stored.get(NOTES.boSchool)!.id]);
      return found!;
    });

    // The strand runs through Bo's two notes on Tasiilaq's page, on Anna's canvas and on Bo's.
    for (const page of [anna, bo]) {
      const strand = page.locator(`[data-testid="thread-strands"] [data-thread-id="${thread.id}"] path.flet-strand-path`);
      await eventually(async () => expect(await strand.count()).toBeGreaterThan(0));
    }
    await anna.keyboard.press('Escape');
    await screenshot(anna, 'process-thread-on-canvas-1920');

    // Anna owns the thread she started: she writes what was learned.
    // The thread she just linked to is the one open in her threads panel.
    await anna.getByRole('button', { name: 'Open the thread' }).click();
    const card = threadsPanel(anna).getByRole('article', { name: THREAD });
    await card.getByLabel('Purpose').fill('Keep the coast connected in winter');
    await card.getByRole('button', { name: 'Save the card' }).click();
    await card.getByLabel('What have you learned?').fill('The ferry can run if the harbour is kept open');
    await card.getByRole('button', { name: 'Add learning' }).click();
    await eventually(() => expect(threadsOf(observer.doc).find((t) => t.id === thread.id)?.learnings.map((l) => l.text)).toEqual(['The ferry can run if the harbour is kept open']));

    // The facilitator makes Anna an editor and weaves the thread into the narrative.
    await view(lead, 'Narrative');
    await lead.getByRole('checkbox', { name: /Anna/ }).check();
    await lead.getByRole('button', { name: 'Weave a thread…' }).click();
    const weave = lead.getByRole('dialog', { name: 'Weave a thread into the narrative' });
    await weave.getByLabel('Thread').selectOption({ label: `${THREAD} (idea)` });
    await eventually(async () => expect(await weave.getByText('The passage will quote 3 notes:').count()).toBe(1));
    await weave.getByRole('button', { name: 'Weave', exact: true }).click();
    await eventually(() => expect(passagesOf(observer.doc).map((passage) => passage.noteIds.length)).toEqual([3]));

    // Anna and the facilitator write in the passage at the same time: one merged text, its sources kept.
    await view(anna, 'Narrative');
    await anna.getByRole('textbox', { name: 'Narrative text' }).waitFor();
    const firstLine = (page: Page) => page.locator('.narrative-passage-text p').first();
    /** The passage's first line as written, without the others' cursors drawn in it. */
    const lineText = (page: Page) =>
      page.evaluate(() => {
        const line = document.querySelector('.narrative-passage-text p')!.cloneNode(true) as HTMLElement;
        for (const cursor of line.querySelectorAll('.narrative-cursor')) cursor.remove();
        return line.textContent;
      });
    for (const [page, atEnd] of [[anna, true], [lead, false]] as const) {
      await firstLine(page).click();
      await page.evaluate((end) => {
        const range = document.createRange();
        range.selectNodeContents(document.querySelector('.narrative-passage-text p')!);
        range.collapse(!end);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
      }, atEnd);
    }
    await Promise.all([lead.keyboard.type('Together: ', { delay: 25 }), anna.keyboard.type(' along the coast', { delay: 25 })]);
    await eventually(async () => {
      const lines = await Promise.all([lead, anna].map(lineText));
      expect(lines[0]).toMatch(/^Together: .* along the coast$/);
      expect(lines[1]).toBe(lines[0]);
    });
    for (const page of [lead, anna]) expect(await page.locator('.narrative-passage .narrative-source').count()).toBe(3);
    expect(passagesOf(observer.doc)[0].noteIds).toHaveLength(3);

    // The margin names the thread and each source's group and place.
    const margin = lead.locator('.narrative-margin').first();
    expect(await margin.getByRole('button', { name: THREAD }).count()).toBe(1);
    const sources = (await margin.locator('.narrative-source-button').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
    expect(sources).toEqual([
      `Show on the board: ${NOTES.anna} Citizen Nuuk`,
      `Show on the board: ${NOTES.boIce} Politician Tasiilaq`,
      `Show on the board: ${NOTES.boSchool} Politician Tasiilaq`,
    ]);

    // Carl's note was left out: the meter says employees are underrepresented.
    const voices = lead.getByRole('region', { name: 'Length and voices' });
    const employees = voices.getByRole('row').filter({ hasText: 'Employee' });
    await eventually(async () => expect(await employees.textContent()).toContain('underrepresented'));
    expect(await voices.getByRole('row').filter({ hasText: 'Citizen' }).textContent()).not.toContain('underrepresented');
    await screenshot(lead, 'process-narrative-1920');

    // Bo, a reader, finds where his note went in one click, and cannot change the narrative.
    await bo.getByRole('button', { name: 'Where did my note go?' }).click();
    const trail = bo.getByRole('complementary', { name: 'Where did my note go?' });
    await eventually(async () => expect(await trail.textContent()).toContain('2 of 2 notes are in a thread, 2 in the narrative'));
    const iceItem = trail.getByRole('listitem').filter({ has: bo.getByText(NOTES.boIce, { exact: true }) });
    expect(await iceItem.getByRole('button', { name: THREAD }).count()).toBe(1);
    await iceItem.getByRole('button', { name: /^Read it in the narrative/ }).first().click();
    await eventually(async () => expect(await bo.getByRole('button', { name: 'Narrative', exact: true }).getAttribute('aria-current')).toBe('page'));
    expect(await bo.getByRole('textbox', { name: 'Narrative text' }).count()).toBe(0);
    await bo.locator('.narrative-passage-text p').first().click();
    await bo.keyboard.type('Bo was here');
    expect(await lineText(lead)).not.toContain('Bo was here');

    // The weave view draws the strand through Nuuk and Tasiilaq into the section, on the
    // facilitator's screen and on the projector, which shows the room what the facilitator shows.
    const projector = await (await started.session.newContext({ viewport: PROJECTOR_SIZE })).newPage();
    await projector.goto(`${started.server.url}/p/${workshop.id}#token=${workshop.projectorToken}`);
    await view(lead, 'Weave');
    const strand = lead.getByRole('button', { name: new RegExp(`^${THREAD}: Nuuk \\(1 note\\), Tasiilaq \\(2 notes, 1 learning\\); woven into`) });
    await eventually(async () => expect(await strand.count()).toBe(1), { timeout: 15_000 });
    await screenshot(lead, 'process-weave-1920');
    const projected = projector.getByRole('button', { name: new RegExp(`^${THREAD}: Nuuk \\(1 note\\), Tasiilaq \\(2 notes, 1 learning\\); woven into`) });
    await projected.waitFor({ timeout: 15_000 });
    await screenshot(projector, 'process-projector-weave-1920');
    await strand.click();
    await threadsPanel(lead).getByRole('article', { name: THREAD }).waitFor();
    // Back on the board, the projector shows the canvas again.
    await eventually(async () => expect(await projector.locator('.projector > .canvas').isVisible()).toBe(true));
    expect(await projected.count()).toBe(0);
  });
});
