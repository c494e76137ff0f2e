import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { pathEnds } from '../../client/canvas/threadStrands';
import { addGathering, type Gathering } from '../../shared/domain/gatherings';
import type { Group } from '../../shared/domain/groups';
import { threadsOf } from '../../shared/domain/threads';
import { recordsOf } from '../../shared/schema';
import { createWorkshop, joinWorkshop, type CreatedWorkshop, type JoinedWorkshop } from '../helpers/api';
import { noteRecord } from '../helpers/board';
import { eventually } from '../helpers/eventually';
import { connectClient, type TestClient } from '../helpers/yjsClient';
import { audit, blocking, describeViolations, installAxe } from './axe';
import { waitForCanvas } from './boardPage';
import { screenshot, serverAndBrowser } from './browser';

/** The board's notes: two written at Nuuk, two at Tasiilaq, by four groups. */
const NOTES = {
  harbour: { id: 'shape:harbour', text: 'Fishing boats need a winter harbour', group: 'citizen', at: 'nuuk', x: 80, y: 120 },
  youth: { id: 'shape:youth', text: 'A youth club by the school', group: 'employee', at: 'nuuk', x: 420, y: 120 },
  dock: { id: 'shape:dock', text: 'Boats cannot dock in winter', group: 'business', at: 'tasiilaq', x: 80, y: 140 },
  video: { id: 'shape:video', text: 'Teachers from Nuuk visit by video', group: 'employee', at: 'tasiilaq', x: 460, y: 330 },
} as const satisfies Record<string, { id: string; text: string; group: Group; at: 'nuuk' | 'tasiilaq'; x: number; y: number }>;

describe('threads on the canvas and in the threads panel', () => {
  const started = serverAndBrowser();
  let workshop: CreatedWorkshop;
  let setup: TestClient;
  let places: { nuuk: Gathering; tasiilaq: Gathering };
  let bo: Page;
  let anna: Page;
  let boJoin: JoinedWorkshop;

  async function open(token: string, viewport = { width: 1280, height: 800 }, path = 'w'): Promise<Page> {
    const context = await started.session.newContext({ viewport });
    await installAxe(context);
    const page = await context.newPage();
    await page.goto(`${started.server.url}/${path}/${workshop.id}?view=canvas#token=${token}`);
    await waitForCanvas(page);
    return page;
  }

  const bar = (page: Page) => page.getByRole('region', { name: 'Gathering' });
  const panel = (page: Page) => page.getByRole('complementary', { name: 'Threads' });
  const noteOnCanvas = (page: Page, text: string) => page.locator('.tl-shape[data-shape-type="note"]').filter({ hasText: text });
  const storedThreads = () => threadsOf(setup.doc);

  async function clickNote(page: Page, text: string, shift = false): Promise<void> {
    const box = (await noteOnCanvas(page, text).boundingBox())!;
    if (shift) await page.keyboard.down('Shift');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    if (shift) await page.keyboard.up('Shift');
  }

  beforeAll(async () => {
    workshop = await createWorkshop(started.server, { title: 'Sermersooq vision', language: 'en' });
    boJoin = await joinWorkshop(started.server, workshop.joinCode, 'citizen', 'Bo');
    // The facilitator's raw client lays out the process and imports the notes of two gatherings.
    setup = connectClient(started.server, workshop.id, workshop.facilitatorToken);
    await setup.synced();
    const nuuk = addGathering(setup.doc, { title: 'Nuuk', place: 'Nuuk', date: '2025-03-12' });
    const tasiilaq = addGathering(setup.doc, { title: 'Tasiilaq', place: 'Tasiilaq', date: '2025-03-16' });
    places = { nuuk, tasiilaq };
    setup.doc.transact(() => {
      for (const note of Object.values(NOTES)) {
        const record = noteRecord(note.id, note.text, { participantId: `imported-${note.group}`, group: note.group }, note.x, note.y);
        const gathering = places[note.at];
        record.parentId = gathering.pageId;
        record.meta = { ...(record.meta as object), gatheringId: gathering.id };
        const fields = new Y.Map<unknown>();
        recordsOf(setup.doc).set(note.id, fields);
        for (const [key, value] of Object.entries(record)) fields.set(key, value);
      }
    });
  });

  afterAll(async () => {
    setup?.destroy();
  });

  it('a participant adds notes from two gatherings to a new thread on the canvas, and its strand runs through them', async () => {
    bo = await open(boJoin.token);
    await noteOnCanvas(bo, NOTES.harbour.text).waitFor();

    // At Nuuk: select a note, "add to thread", start a new thread with it.
    await clickNote(bo, NOTES.harbour.text);
    await bo.getByRole('button', { name: 'Add note to thread' }).click();
    const chooser = bo.getByRole('dialog', { name: 'Add 1 note to a thread' });
    await chooser.getByLabel('Or start a new thread titled').fill('Winter harbour');
    await chooser.getByRole('button', { name: 'Start new thread' }).click();
    await bo.getByText('The thread Winter harbour was started with 1 note.').waitFor();

    // At Tasiilaq: two notes at once, into the thread that now exists.
    await bar(bo).getByRole('button', { name: 'Tasiilaq' }).click();
    await noteOnCanvas(bo, NOTES.dock.text).waitFor();
    await clickNote(bo, NOTES.dock.text);
    await clickNote(bo, NOTES.video.text, true);
    // By keyboard: the chooser opens with the focus on its heading; Escape closes it and gives
    // the focus back without losing the selection; Tab and Enter choose the thread.
    const addButton = bo.getByRole('button', { name: 'Add 2 notes to thread' });
    const dialog = bo.getByRole('dialog', { name: 'Add 2 notes to a thread' });
    const focused = () => bo.evaluate(() => `${document.activeElement?.tagName}:${document.activeElement?.textContent}`);
    await addButton.focus();
    await bo.keyboard.press('Enter');
    await dialog.waitFor();
    await eventually(async () => expect(await focused()).toBe('H2:Add 2 notes to a thread'));
    await bo.keyboard.press('Escape');
    await eventually(async () => expect(await dialog.count()).toBe(0));
    await eventually(async () => expect(await focused()).toBe('BUTTON:Add 2 notes to thread'));
    expect(await bo.evaluate(() => window.__fletEditor!.getSelectedShapeIds().length)).toBe(2);
    await bo.keyboard.press('Enter');
    await dialog.waitFor();
    await bo.keyboard.press('Tab');
    expect(await focused()).toBe('BUTTON:Winter harbour');
    await bo.keyboard.press('Enter');
    await bo.getByText('2 notes were linked to Winter harbour.').waitFor();

    const thread = await eventually(() => {
      const found = storedThreads().find((candidate) => candidate.title === 'Winter harbour');
      expect(found?.noteIds).toEqual([NOTES.harbour.id, NOTES.dock.id, NOTES.video.id]);
      return found!;
    });
    expect(thread.owner).toBe(boJoin.participantId);

    // The strand on Tasiilaq's page runs from the first of its notes there to the second, through their centres.
    const strand = bo.locator(`[data-testid="thread-strands"] [data-thread-id="${thread.id}"] path.flet-strand-path`);
    await strand.waitFor({ state: 'attached' });
    const ends = pathEnds((await strand.getAttribute('d'))!);
    const centres = await bo.evaluate(
      (ids) =>
        ids.map((id) => {
          const bounds = window.__fletEditor!.getShapePageBounds(id as Parameters<NonNullable<typeof window.__fletEditor>['getShapePageBounds']>[0])!;
          return { x: bounds.x + bounds.w / 2, y: bounds.y + bounds.h / 2 };
        }),
      [NOTES.dock.id, NOTES.video.id],
    );
    expect(ends).toHaveLength(2);
    ends.forEach((end, i) => {
      expect(end.x).toBeCloseTo(centres[i].x, 0);
      expect(end.y).toBeCloseTo(centres[i].y, 0);
    });
    // Nothing of it is a shape on the board.
    expect(await bo.evaluate(() => window.__fletEditor!.getCurrentPageShapes().length)).toBe(2);
    await screenshot(bo, 'threads-strand-laptop');
  });

  it("the owner edits the thread's card; another participant reads it and cannot change it, but adds a learning", async () => {
    // The thread Bo just worked on opens with the panel.
    await bo.getByRole('button', { name: 'Threads' }).click();
    const card = panel(bo).getByRole('article', { name: 'Winter harbour' });
    await card.getByLabel('Purpose').fill('Keep the fishing fleet working through the winter');
    await card.getByLabel('Goal').fill('A harbour that stays open from November to April');
    await card.getByRole('button', { name: 'Save the card' }).click();
    await panel(bo).getByText('The card of Winter harbour was saved.').waitFor();
    await card.getByLabel('Status').selectOption('running');
    await panel(bo).getByText('The status is now Running.').waitFor();
    await eventually(() => {
      const stored = storedThreads().find((candidate) => candidate.title === 'Winter harbour')!;
      expect(stored).toMatchObject({ status: 'running', purpose: 'Keep the fishing fleet working through the winter' });
    });
    // The card lists the notes in order, from both gatherings, with group and gathering.
    const notes = card.getByRole('list').first().getByRole('listitem');
    expect(await notes.allTextContents()).toEqual([
      expect.stringMatching(/Fishing boats need a winter harbour.*Citizen.*Nuuk/),
      expect.stringMatching(/Boats cannot dock in winter.*Business.*Tasiilaq/),
      expect.stringMatching(/Teachers from Nuuk visit by video.*Employee.*Tasiilaq/),
    ]);
    const editable = await audit(bo);
    expect(describeViolations(blocking(editable))).toEqual([]);
    await screenshot(bo, 'threads-card-owner-laptop');

    const annaJoin = await joinWorkshop(started.server, workshop.joinCode, 'employee', 'Anna');
    anna = await open(annaJoin.token, { width: 390, height: 844 });
    await anna.getByRole('button', { name: 'Threads' }).click();
    await panel(anna).getByRole('button', { name: /Winter harbour/ }).click();
    const annasCard = panel(anna).getByRole('article', { name: 'Winter harbour' });
    await annasCard.getByText('Keep the fishing fleet working through the winter').waitFor();
    expect(await annasCard.getByRole('textbox', { name: 'Purpose' }).count()).toBe(0);
    expect(await annasCard.getByRole('textbox', { name: 'Title' }).count()).toBe(0);
    expect(await annasCard.getByRole('combobox', { name: 'Status' }).count()).toBe(0);
    expect(await annasCard.getByRole('combobox', { name: 'Owner' }).count()).toBe(0);
    expect(await annasCard.textContent()).toContain('Bo (Citizen)');

    await annasCard.getByLabel('What have you learned?').fill('Harbour staff can check the ice every morning');
    await annasCard.getByRole('button', { name: 'Add learning' }).click();
    await panel(anna).getByText('The learning was added.').waitFor();
    const learning = await eventually(() => {
      const stored = storedThreads().find((candidate) => candidate.title === 'Winter harbour')!;
      expect(stored.learnings).toHaveLength(1);
      return stored.learnings[0];
    });
    expect(learning).toMatchObject({ text: 'Harbour staff can check the ice every morning', group: 'employee', gatheringId: places.nuuk.id });
    // Bo sees it, dated, with Anna's group.
    await panel(bo).getByText('Harbour staff can check the ice every morning').waitFor();
    expect(await panel(bo).locator('.learning').first().textContent()).toMatch(/\d{1,2} \w+ 20\d\d.*Employee.*Nuuk/);
    const readOnly = await audit(anna);
    expect(describeViolations(blocking(readOnly))).toEqual([]);
    await screenshot(anna, 'threads-card-reader-phone');
  });

  it('the filters narrow the list by status, gathering and group', async () => {
    // Anna, on a laptop now, starts a second thread from the panel with the note she selected on the canvas.
    await anna.setViewportSize({ width: 1280, height: 800 });
    await panel(anna).getByRole('button', { name: 'All threads' }).click();
    await anna.getByRole('button', { name: 'Threads' }).click();
    await noteOnCanvas(anna, NOTES.youth.text).waitFor();
    await clickNote(anna, NOTES.youth.text);
    // The canvas's context menu offers the same chooser.
    const youth = (await noteOnCanvas(anna, NOTES.youth.text).boundingBox())!;
    await anna.mouse.click(youth.x + youth.width / 2, youth.y + youth.height / 2, { button: 'right' });
    await anna.getByRole('menuitem', { name: 'Add to thread…' }).click();
    const chooser = anna.getByRole('dialog', { name: 'Add 1 note to a thread' });
    await chooser.waitFor();
    await chooser.getByRole('button', { name: 'Cancel' }).click();
    await eventually(async () => expect(await chooser.count()).toBe(0));
    await anna.getByRole('button', { name: 'Threads' }).click();
    await panel(anna).getByLabel('Title of the thread').fill('Youth club');
    await panel(anna).getByRole('checkbox', { name: 'With the 1 note selected on the board' }).waitFor();
    await panel(anna).getByRole('button', { name: 'Start thread' }).click();
    await panel(anna).getByRole('article', { name: 'Youth club' }).waitFor();
    await panel(anna).getByRole('button', { name: 'All threads' }).click();

    const entries = () => panel(anna).getByRole('list').first().getByRole('button').allTextContents();
    await eventually(async () => expect(await entries()).toHaveLength(2));
    const filter = async (label: string, value: string, expected: string[]) => {
      await panel(anna).getByLabel(label, { exact: true }).selectOption({ label: value });
      await eventually(async () => expect((await entries()).map((text) => text.split(/Idea|Running/)[0])).toEqual(expected));
    };
    await filter('Status', 'Running', ['Winter harbour']);
    await filter('Status', 'Any status', ['Winter harbour', 'Youth club']);
    await filter('Gathering', 'Tasiilaq', ['Winter harbour']);
    await filter('Gathering', 'Nuuk', ['Winter harbour', 'Youth club']);
    await filter('Group', 'Citizen', ['Winter harbour']);
    await filter('Group', 'Business', ['Winter harbour']);
    await filter('Gathering', 'All gatherings', ['Winter harbour']);
    await filter('Group', 'Politician', []);
    await panel(anna).getByText('Showing 0 of 2 threads').waitFor();
    await filter('Group', 'All groups', ['Winter harbour', 'Youth club']);
    await anna.setViewportSize({ width: 390, height: 844 });
    await screenshot(anna, 'threads-list-phone');
    const result = await audit(anna);
    expect(describeViolations(blocking(result))).toEqual([]);
  });

  it('is used by keyboard alone: open a thread, add a learning, move a note, go back', async () => {
    await bo.setViewportSize({ width: 1920, height: 1080 });
    await panel(bo).getByRole('button', { name: 'All threads' }).click();
    // From the list entry, Enter opens the card and the focus lands on its heading.
    await panel(bo).getByRole('button', { name: /Youth club/ }).focus();
    await bo.keyboard.press('Enter');
    await eventually(async () => expect(await bo.evaluate(() => document.activeElement?.tagName + ':' + document.activeElement?.textContent)).toBe('H2:Youth club'));
    // Bo is not its owner: Tab leads past the notes' buttons to the learning field.
    let reached = false;
    for (let i = 0; i < 20 && !reached; i++) {
      await bo.keyboard.press('Tab');
      reached = await bo.evaluate(() => document.activeElement?.getAttribute('aria-describedby')?.includes('hint') === true && document.activeElement?.tagName === 'TEXTAREA');
    }
    expect(reached).toBe(true);
    await bo.keyboard.type('The club needs a room after four');
    await bo.keyboard.press('Tab');
    await bo.keyboard.press('Enter');
    await panel(bo).getByText('The learning was added.').waitFor();
    await eventually(() => expect(storedThreads().find((t) => t.title === 'Youth club')!.learnings.map((l) => l.text)).toEqual(['The club needs a room after four']));

    // Back to the list by keyboard; the focus returns to the thread's entry.
    await panel(bo).getByRole('button', { name: 'All threads' }).focus();
    await bo.keyboard.press('Enter');
    await eventually(async () => expect(await bo.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^Youth club/));

    // In Winter harbour, the last note moves up by keyboard and keeps the focus.
    await panel(bo).getByRole('button', { name: /Winter harbour/ }).focus();
    await bo.keyboard.press('Enter');
    await panel(bo).getByRole('button', { name: `Move up: ${NOTES.video.text}` }).focus();
    await bo.keyboard.press('Enter');
    await eventually(() =>
      expect(storedThreads().find((t) => t.title === 'Winter harbour')!.noteIds).toEqual([NOTES.harbour.id, NOTES.video.id, NOTES.dock.id]),
    );
    await eventually(async () => expect(await bo.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Move up: ${NOTES.video.text}`));
    const result = await audit(bo);
    expect(describeViolations(blocking(result))).toEqual([]);
    await screenshot(bo, 'threads-card-1920');
  });

  it('when the facilitator opens a thread, the projector highlights the same one', async () => {
    const facilitator = await open(workshop.facilitatorToken);
    const projector = await open(workshop.projectorToken, { width: 1920, height: 1080 }, 'p');
    await bar(facilitator).getByRole('button', { name: 'Tasiilaq' }).click();
    await facilitator.getByRole('button', { name: 'Threads' }).click();
    await panel(facilitator).getByRole('button', { name: /Winter harbour/ }).click();
    const thread = storedThreads().find((t) => t.title === 'Winter harbour')!;
    await eventually(async () => expect(await projector.getByTestId('thread-strands').getAttribute('data-highlighted')).toBe(thread.id), {
      timeout: 15_000,
    });
    expect(await projector.locator(`[data-thread-id="${thread.id}"] .flet-strand-halo`).count()).toBe(2);
    await projector.waitForTimeout(500);
    await screenshot(projector, 'threads-projector-highlight');
    // The facilitator closes it: the projector lets go too.
    await panel(facilitator).getByRole('button', { name: 'All threads' }).click();
    await eventually(async () => expect(await projector.getByTestId('thread-strands').getAttribute('data-highlighted')).toBeNull());
  });

  it('makes no request to any host but Flet, and no page error', () => {
    expect(started.session.requests.foreign(started.server.url)).toEqual([]);
    expect(started.session.requests.errors).toEqual([]);
  });
});
