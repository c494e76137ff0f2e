import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { joinWorkshop, type JoinedWorkshop } from '../helpers/api';
import { eventually } from '../helpers/eventually';
import { connectClient } from '../helpers/yjsClient';
import { startThread } from '../../shared/domain/threads';
import { audit, blocking, describeViolations, installAxe } from './axe';
import { notesOn, waitForCanvas } from './boardPage';
import { serverAndBrowser } from './browser';

const TITLE = 'Kerteminde: keep, start, leave behind';
const ANNAS_NOTE = 'Keep the harbour festival';
const BOS_NOTE = 'Leave behind the paper forms';
const PHONE = { width: 390, height: 844 };

/** Screenshots go to /tmp, to be looked at. */
const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: `/tmp/facilitator-${name}.png`, fullPage });

async function connected(page: Page): Promise<void> {
  await waitForCanvas(page);
  await eventually(async () => expect(await page.locator('[data-status]').first().getAttribute('data-status')).toBe('connected'), {
    timeout: 15_000,
  });
}

async function expectNoBlockingViolations(page: Page, what: string): Promise<void> {
  const result = await audit(page, ['.tl-canvas']);
  expect(describeViolations(blocking(result)), what).toEqual([]);
}

/** A note on a page's canvas, as drawn (absent when the canvas does not draw it). */
const drawnNote = (page: Page, text: string) => page.locator('.tl-shape[data-shape-type="note"]').filter({ hasText: text });

async function writeNote(page: Page, text: string, at: { x: number; y: number }): Promise<string> {
  const area = (await page.locator('.tl-canvas').first().boundingBox())!;
  await page.keyboard.press('n');
  await page.mouse.click(area.x + area.width * at.x, area.y + area.height * at.y);
  await page.waitForFunction(() => Boolean(window.__fletEditor?.getEditingShapeId()));
  await page.locator('.tl-shape[data-shape-type="note"] [contenteditable="true"]').first().waitFor();
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
  return eventually(async () => {
    const found = (await notesOn(page)).find((note) => note.text === text);
    expect(found).toBeDefined();
    return found!.id;
  });
}

/** The middle of a note on screen, after bringing it to the middle of the canvas (as a person would pan to it). */
async function centreOf(page: Page, text: string): Promise<{ x: number; y: number }> {
  const id = await eventually(async () => {
    const found = (await notesOn(page)).find((note) => note.text === text);
    expect(found).toBeDefined();
    return found!.id;
  });
  await page.evaluate((shapeId) => {
    const editor = window.__fletEditor!;
    const bounds = editor.getShapePageBounds(shapeId as Parameters<typeof editor.getShapePageBounds>[0]);
    if (bounds) editor.centerOnPoint(bounds.center);
  }, id);
  const note = drawnNote(page, text);
  const box = await eventually(async () => {
    const found = await note.boundingBox();
    expect(found).not.toBeNull();
    return found!;
  });
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

const positionOn = (page: Page, id: string) =>
  page.evaluate((shapeId) => {
    const shape = window.__fletEditor!.getShape(shapeId as Parameters<NonNullable<typeof window.__fletEditor>['getShape']>[0]);
    return shape ? { x: shape.x, y: shape.y } : null;
  }, id);

/** Opens a side panel from the board's navigation. */
async function openPanel(page: Page, name: string): Promise<ReturnType<Page['getByRole']>> {
  const panel = page.getByRole('complementary', { name });
  if (!(await panel.isVisible())) await page.getByRole('navigation').getByRole('button', { name }).click();
  await panel.waitFor();
  return panel;
}

describe('the facilitator', () => {
  const started = serverAndBrowser();
  let home: BrowserContext;
  let facilitator: Page;
  let workshopId: string;
  let joinCode: string;
  let projectorUrl: string;
  let anna: Page;
  let bo: Page;
  let projector: Page;
  let annaJoin: JoinedWorkshop;
  let annasNoteId: string;

  async function openBoard(token: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
    const context = await started.session.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(`${started.server.url}/w/${workshopId}#token=${token}`);
    await connected(page);
    return page;
  }

  beforeAll(async () => {
    home = await started.session.newContext();
    await installAxe(home);
  });

  it('the start page lists a workshop created in this browser and reopens it', async () => {
    facilitator = await home.newPage();
    await facilitator.goto(started.server.url);
    // Nothing facilitated here yet: no list.
    await facilitator.getByRole('heading', { name: 'Start a workshop' }).waitFor();
    expect(await facilitator.getByRole('heading', { name: 'Your workshops' }).count()).toBe(0);
    await facilitator.getByLabel('Workshop title').fill(TITLE);
    await facilitator.getByLabel('Workshop language').selectOption('en');
    await facilitator.getByRole('button', { name: 'Create workshop' }).click();
    await connected(facilitator);
    workshopId = decodeURIComponent(new URL(facilitator.url()).pathname.split('/')[2]);
    joinCode = (await facilitator.getByTestId('join-code').textContent())!.trim();
    projectorUrl = (await facilitator.getByTestId('projector-link').getAttribute('href'))!;

    await facilitator.goto(started.server.url);
    const mine = facilitator.getByRole('region', { name: 'Your workshops' });
    await mine.waitFor();
    const today = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(new Date());
    expect(await mine.getByRole('listitem').allTextContents()).toEqual([`${TITLE}Created ${today}Open`]);
    await expectNoBlockingViolations(facilitator, 'start page with the list');
    await shot(facilitator, 'start-laptop');
    await mine.getByRole('link', { name: `Open ${TITLE}` }).click();
    await connected(facilitator);
    expect(new URL(facilitator.url()).pathname).toBe(`/w/${workshopId}`);
    await facilitator.getByRole('heading', { name: TITLE }).waitFor();
    await facilitator.getByRole('heading', { name: 'Invite participants' }).waitFor();
  });

  it('the facilitator link, revealed behind its warning, opens the board as facilitator in a fresh browser', async () => {
    const share = facilitator.getByRole('complementary', { name: 'Invite participants' });
    expect(await share.getByTestId('facilitator-link').count()).toBe(0);
    await share.getByRole('button', { name: 'Show facilitator link' }).click();
    await share.getByText('This link gives full control of the workshop').waitFor();
    const link = (await share.getByTestId('facilitator-link').getAttribute('href'))!;
    expect(link).toMatch(new RegExp(`/w/${workshopId}#token=.+`));
    await share.getByRole('button', { name: 'Copy facilitator link' }).waitFor();
    await expectNoBlockingViolations(facilitator, 'share panel with the facilitator link');
    await share.getByTestId('facilitator-link').scrollIntoViewIfNeeded();
    await shot(facilitator, 'share-link-laptop');

    // A second computer: nothing of this browser's, only the link, on a phone-sized screen.
    const second = await started.session.newContext({ viewport: PHONE });
    await installAxe(second);
    const page = await second.newPage();
    await page.goto(link);
    await connected(page);
    expect(new URL(page.url()).hash).toBe('');
    // The facilitator's tools: on a phone the invitation starts folded, one click away.
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    await page.getByRole('heading', { name: 'Invite participants' }).waitFor();
    await page.getByRole('navigation').getByRole('button', { name: 'Moderation' }).waitFor();
    // It is remembered there too, to reopen from the start page.
    await page.goto(started.server.url);
    await page.getByRole('region', { name: 'Your workshops' }).getByText(TITLE).waitFor();
    await shot(page, 'start-phone', true);
    await page.close();
  });

  it('a locked note cannot be moved by a participant', async () => {
    annaJoin = await joinWorkshop(started.server, joinCode, 'citizen', 'Anna');
    const boJoin = await joinWorkshop(started.server, joinCode, 'politician', 'Bo');
    anna = await openBoard(annaJoin.token);
    bo = await openBoard(boJoin.token);
    annasNoteId = await writeNote(anna, ANNAS_NOTE, { x: 0.45, y: 0.45 });

    // The share panel is put away to give the board room.
    await facilitator.getByRole('complementary', { name: 'Invite participants' }).getByRole('button', { name: 'Hide', exact: true }).click();
    // The facilitator right-clicks Anna's note and locks it from the context menu.
    await eventually(async () => expect(await drawnNote(facilitator, ANNAS_NOTE).count()).toBe(1));
    const onFacilitator = await centreOf(facilitator, ANNAS_NOTE);
    await facilitator.mouse.click(onFacilitator.x, onFacilitator.y, { button: 'right' });
    await facilitator.getByRole('menuitem', { name: 'Lock' }).click();
    await eventually(async () => expect(await bo.evaluate((id) => window.__fletEditor!.getShape(id as never)?.isLocked, annasNoteId)).toBe(true));

    // Bo drags it with the mouse: it stays, on his screen and on Anna's.
    const before = (await positionOn(bo, annasNoteId))!;
    const centre = await centreOf(bo, ANNAS_NOTE);
    await bo.mouse.move(centre.x, centre.y);
    await bo.mouse.down();
    await bo.mouse.move(centre.x + 80, centre.y + 40, { steps: 4 });
    await bo.mouse.move(centre.x + 160, centre.y + 90, { steps: 4 });
    await bo.mouse.up();
    expect(await positionOn(bo, annasNoteId)).toEqual(before);
    expect(await positionOn(anna, annasNoteId)).toEqual(before);

    // The moderation panel lists it, and unlocks it.
    const panel = await openPanel(facilitator, 'Moderation');
    const locked = panel.getByRole('list', { name: 'Locked notes and frames' });
    await locked.getByText(ANNAS_NOTE).waitFor();
    await expectNoBlockingViolations(facilitator, 'moderation panel');
    await locked.getByRole('listitem').filter({ hasText: ANNAS_NOTE }).getByRole('button', { name: 'Unlock' }).click();
    await panel.getByRole('status').getByText('Unlocked.').waitFor();
    await eventually(async () => expect(await bo.evaluate((id) => window.__fletEditor!.getShape(id as never)?.isLocked, annasNoteId)).toBe(false));
  });

  it("hiding a note removes it from the projector and another participant's board; its author sees it marked hidden; bringing it back", async () => {
    const context = await started.session.newContext({ viewport: { width: 1280, height: 800 } });
    projector = await context.newPage();
    await projector.goto(projectorUrl);
    await waitForCanvas(projector);
    await eventually(async () => expect(await drawnNote(projector, ANNAS_NOTE).count()).toBe(1), { timeout: 15_000 });
    await eventually(async () => expect(await drawnNote(bo, ANNAS_NOTE).count()).toBe(1));
    // Anna's note is in a thread of hers: its strand on the projector would show where it is.
    const annasClient = connectClient(started.server, workshopId, annaJoin.token);
    await annasClient.synced();
    const threadId = startThread(
      annasClient.doc,
      { role: 'participant', participantId: annaJoin.participantId, group: 'citizen', name: 'Anna' },
      { title: 'Harbour festival', noteIds: [annasNoteId] },
    );
    const strandOn = (page: Page) => page.locator(`[data-testid="thread-strands"] [data-thread-id="${threadId}"]`);
    await eventually(async () => expect(await strandOn(projector).count()).toBe(1), { timeout: 15_000 });

    // The facilitator selects the note and hides it from the moderation panel.
    await facilitator.keyboard.press('Escape');
    const onFacilitator = await centreOf(facilitator, ANNAS_NOTE);
    await facilitator.mouse.click(onFacilitator.x, onFacilitator.y);
    const panel = await openPanel(facilitator, 'Moderation');
    await panel.getByText('1 selected').waitFor();
    await panel.getByRole('button', { name: 'Hide note' }).click();
    await panel.getByRole('status').getByText('The note is hidden.').waitFor();

    await eventually(async () => expect(await drawnNote(projector, ANNAS_NOTE).count()).toBe(0));
    await eventually(async () => expect(await drawnNote(bo, ANNAS_NOTE).count()).toBe(0));
    // No strand gives the hidden note's place away either.
    await eventually(async () => expect(await strandOn(projector).count()).toBe(0));
    await eventually(async () => expect(await strandOn(bo).count()).toBe(0));
    await eventually(async () => expect(await drawnNote(anna, ANNAS_NOTE).getByText('Hidden by the facilitator').count()).toBe(1));
    expect(await strandOn(anna).count()).toBe(1);
    await drawnNote(facilitator, ANNAS_NOTE).getByText('Hidden', { exact: true }).waitFor();
    const hidden = panel.getByRole('list', { name: 'Hidden notes' });
    await hidden.getByText(ANNAS_NOTE).waitFor();
    expect(await hidden.getByRole('listitem').textContent()).toContain('Citizen');
    await shot(facilitator, 'moderation-laptop');
    await shot(anna, 'hidden-author-laptop');

    await hidden.getByRole('button', { name: 'Bring note back' }).click();
    await eventually(async () => expect(await drawnNote(projector, ANNAS_NOTE).count()).toBe(1));
    await eventually(async () => expect(await drawnNote(bo, ANNAS_NOTE).count()).toBe(1));
    await eventually(async () => expect(await strandOn(projector).count()).toBe(1));
    await eventually(async () => expect(await drawnNote(anna, ANNAS_NOTE).getByText('Hidden by the facilitator').count()).toBe(0));
    annasClient.destroy();
    await panel.getByText('No notes are hidden.').waitFor();
  });

  // Needs the server to keep deleted notes under `trash` (keepDeletedNotes), built in parallel.
  it('a note deleted in the last hour is listed and restored', async () => {
    const bosNoteId = await writeNote(bo, BOS_NOTE, { x: 0.25, y: 0.7 });
    await eventually(async () => expect(await drawnNote(facilitator, BOS_NOTE).count()).toBe(1));
    const centre = await centreOf(bo, BOS_NOTE);
    await bo.mouse.click(centre.x, centre.y, { button: 'right' });
    await bo.getByRole('menuitem', { name: 'Delete' }).click();
    await eventually(async () => expect((await notesOn(facilitator)).some((note) => note.id === bosNoteId)).toBe(false));

    const panel = await openPanel(facilitator, 'Moderation');
    const deleted = panel.getByRole('list', { name: 'Deleted in the last hour' });
    const entry = deleted.getByRole('listitem').filter({ hasText: BOS_NOTE });
    await entry.waitFor({ timeout: 10_000 });
    expect(await entry.textContent()).toContain('Politician');
    await entry.getByRole('button', { name: 'Restore' }).click();
    await eventually(async () => expect((await notesOn(bo)).some((note) => note.id === bosNoteId && note.text === BOS_NOTE)).toBe(true));
    await panel.getByText('No notes were deleted in the last hour.').waitFor();
  });

  it('the representation panel counts participants and notes per group, and says who has not been heard', async () => {
    const panel = await openPanel(facilitator, 'Who is heard');
    await eventually(async () => expect(await panel.getByText(/2 participants have joined, 2 connected now\. \d+ notes? in all\./).count()).toBe(1));
    const row = (group: string) => panel.getByRole('row', { name: new RegExp(`^${group}`) });
    await eventually(async () => expect(await row('Citizen').getByRole('cell').allTextContents()).toEqual(['1', '1', '1']));
    expect(await row('Manager').getByRole('cell').allTextContents()).toEqual(['0', '0', '0']);
    expect(await row('Manager').getByRole('rowheader').textContent()).toBe('ManagerNot heard yet');
    expect(await row('Citizen').getByRole('rowheader').textContent()).toBe('Citizen');
    expect(await panel.getByText(/^Not heard yet: .*Manager/).count()).toBe(1);
    await expectNoBlockingViolations(facilitator, 'representation panel');
    await shot(facilitator, 'representation-laptop');
    await facilitator.setViewportSize(PHONE);
    await shot(facilitator, 'representation-phone');
    await openPanel(facilitator, 'Moderation');
    await shot(facilitator, 'moderation-phone');
    await facilitator.setViewportSize({ width: 1280, height: 800 });
  });

  it('deleting the workshop after confirming: the board is gone and the join link says so', async () => {
    const panel = await openPanel(facilitator, 'Moderation');
    await panel.getByRole('button', { name: 'Delete the workshop…' }).click();
    const dialog = facilitator.getByRole('dialog', { name: `Delete ${TITLE}?` });
    await dialog.waitFor();
    const said = await dialog.textContent();
    expect(said).toContain('participants');
    expect(said).toContain('2 participants');
    expect(said).toContain('the shared narrative');
    expect(said).toContain('This cannot be undone.');
    expect(said).toMatch(/\d+ notes?/);
    await expectNoBlockingViolations(facilitator, 'delete dialog');
    await shot(facilitator, 'delete-dialog-laptop');

    // Cancelling keeps everything.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await notesOn(anna)).some((note) => note.text === ANNAS_NOTE)).toBe(true);

    // On a phone, the same question fits the screen.
    await facilitator.setViewportSize(PHONE);
    await panel.getByRole('button', { name: 'Delete the workshop…' }).click();
    await dialog.waitFor();
    await shot(facilitator, 'delete-dialog-phone');
    await dialog.getByRole('button', { name: 'Delete for good' }).click();
    await facilitator.getByRole('heading', { name: 'Start a workshop' }).waitFor();
    expect(new URL(facilitator.url()).pathname).toBe('/');
    expect(await facilitator.getByRole('heading', { name: 'Your workshops' }).count()).toBe(0);

    // Anna's open board says it is gone, and so does the join link for someone new.
    await anna.getByText('This workshop does not exist any more.').waitFor({ timeout: 15_000 });
    const newcomer = await (await started.session.newContext()).newPage();
    await newcomer.goto(`${started.server.url}/join/${joinCode}`);
    await newcomer.getByRole('radio', { name: 'Citizen' }).check();
    await newcomer.getByRole('button', { name: 'Join the board' }).click();
    await newcomer.getByText(`There is no workshop with the code ${joinCode}`).waitFor();
  });
});
