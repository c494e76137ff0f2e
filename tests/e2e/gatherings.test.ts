import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { gatheringsOf } from '../../shared/domain/gatherings';
import { recordsOf } from '../../shared/schema';
import { createWorkshop, joinWorkshop, type CreatedWorkshop } from '../helpers/api';
import { eventually } from '../helpers/eventually';
import { connectClient } from '../helpers/yjsClient';
import { audit, blocking, describeViolations, installAxe } from './axe';
import { notesOn, waitForCanvas } from './boardPage';
import { screenshot, serverAndBrowser } from './browser';

const NOTE_TEXT = 'Harbour path lit all winter';

describe('gatherings on the board', () => {
  const started = serverAndBrowser();
  let workshop: CreatedWorkshop;
  let facilitator: Page;
  let bo: Page;
  let anna: Page;

  async function open(token: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
    const context = await started.session.newContext({ viewport });
    await installAxe(context);
    const page = await context.newPage();
    await page.goto(`${started.server.url}/w/${workshop.id}?view=canvas#token=${token}`);
    await waitForCanvas(page);
    await eventually(async () => expect(await page.locator('[data-status]').first().getAttribute('data-status')).toBe('connected'), {
      timeout: 15_000,
    });
    return page;
  }

  const bar = (page: Page) => page.getByRole('region', { name: 'Gathering' });
  const here = (page: Page) => page.getByTestId('gathering-here');
  const pageOf = (page: Page) => page.evaluate(() => window.__fletEditor!.getCurrentPageId() as string);
  const gatheringsSeen = async () => {
    const observer = connectClient(started.server, workshop.id, workshop.facilitatorToken);
    await observer.synced();
    const list = gatheringsOf(observer.doc);
    observer.destroy();
    return list;
  };

  async function addThroughPanel(page: Page, title: string, place: string, date: string): Promise<void> {
    const panel = page.getByRole('complementary', { name: 'Gatherings' });
    await panel.getByLabel('Title').last().fill(title);
    await panel.getByLabel('Place').last().fill(place);
    await panel.getByLabel('Date').last().fill(date);
    await panel.getByRole('button', { name: 'Add gathering' }).click();
    await eventually(async () => expect(await panel.getByRole('status').textContent()).toContain(`${title} was added.`));
  }

  beforeAll(async () => {
    workshop = await createWorkshop(started.server, { title: 'Sermersooq vision', language: 'en' });
  });

  it('the facilitator sets up Nuuk, Tasiilaq and Paamiut through the gatherings panel', async () => {
    facilitator = await open(workshop.facilitatorToken);
    await eventually(async () => expect(await bar(facilitator).textContent()).toContain('There are no gatherings yet.'));
    await bar(facilitator).getByRole('button', { name: 'Set up gatherings' }).click();
    const panel = facilitator.getByRole('complementary', { name: 'Gatherings' });
    await panel.getByRole('heading', { name: 'Add a gathering' }).waitFor();

    // A gathering without a title is refused in words, and the title field takes the focus.
    await panel.getByRole('button', { name: 'Add gathering' }).click();
    await panel.getByText('Give the gathering a title.').waitFor();
    expect(await facilitator.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');

    await addThroughPanel(facilitator, 'Nuuk', 'Nuuk', '2025-03-12');
    await addThroughPanel(facilitator, 'Tasiilaq', 'Tasiilaq', '2025-03-16');
    await addThroughPanel(facilitator, 'Paamiut', 'Paamiut', '2025-03-20');
    const list = panel.getByRole('list').first();
    expect(await list.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('Nuuk'),
      expect.stringContaining('Tasiilaq'),
      expect.stringContaining('Paamiut'),
    ]);
    // The first became current for everyone; the facilitator is in it.
    await eventually(async () => expect(await here(facilitator).textContent()).toBe('You are in Nuuk · Nuuk · 12 March 2025Current for everyone'));
    const gatherings = await gatheringsSeen();
    expect(gatherings.map((g) => [g.title, g.place, g.date])).toEqual([
      ['Nuuk', 'Nuuk', '2025-03-12'],
      ['Tasiilaq', 'Tasiilaq', '2025-03-16'],
      ['Paamiut', 'Paamiut', '2025-03-20'],
    ]);
    // Each has a page of its own; Nuuk took the page the board started with.
    expect(new Set(gatherings.map((g) => g.pageId)).size).toBe(3);
    expect(gatherings[0].pageId).toBe('page:page');

    // Reordering by keyboard: Paamiut moves up, the focus stays on its button.
    await panel.getByRole('button', { name: 'Move up Paamiut' }).focus();
    await facilitator.keyboard.press('Enter');
    await eventually(async () =>
      expect(await list.getByRole('listitem').allTextContents()).toEqual([
        expect.stringContaining('Nuuk'),
        expect.stringContaining('Paamiut'),
        expect.stringContaining('Tasiilaq'),
      ]),
    );
    await eventually(async () => expect(await facilitator.evaluate(() => document.activeElement?.textContent)).toBe('Move up Paamiut'));
    await facilitator.keyboard.press('Tab');
    await facilitator.keyboard.press('Enter');
    await eventually(async () =>
      expect(await list.getByRole('listitem').allTextContents()).toEqual([
        expect.stringContaining('Nuuk'),
        expect.stringContaining('Tasiilaq'),
        expect.stringContaining('Paamiut'),
      ]),
    );

    // Renaming changes the gathering and its page.
    await panel.getByRole('button', { name: 'Edit Nuuk' }).click();
    await panel.getByLabel('Title').first().fill('Nuuk, town hall');
    await panel.getByRole('button', { name: 'Save' }).click();
    await eventually(async () => expect(await here(facilitator).textContent()).toContain('You are in Nuuk, town hall'));
    expect(await facilitator.evaluate(() => window.__fletEditor!.getCurrentPage().name)).toBe('Nuuk, town hall');

    const result = await audit(facilitator);
    expect(describeViolations(blocking(result))).toEqual([]);
    await screenshot(facilitator, 'gatherings-panel-laptop');
  });

  it('a participant opens on the current gathering, switches in one click, and the note written there names that gathering', async () => {
    const boJoin = await joinWorkshop(started.server, workshop.joinCode, 'citizen', 'Bo');
    bo = await open(boJoin.token);
    const gatherings = await gatheringsSeen();
    const [nuuk, tasiilaq] = gatherings;
    await eventually(async () => expect(await here(bo).textContent()).toContain('You are in Nuuk, town hall · Nuuk · 12 March 2025'));
    expect(await pageOf(bo)).toBe(nuuk.pageId);

    await bar(bo).getByRole('button', { name: 'Tasiilaq' }).click();
    await eventually(async () => expect(await here(bo).textContent()).toBe('You are in Tasiilaq · Tasiilaq · 16 March 2025'));
    expect(await pageOf(bo)).toBe(tasiilaq.pageId);
    expect(await bar(bo).getByRole('button', { name: 'Tasiilaq' }).getAttribute('aria-current')).toBe('true');

    // Bo writes a note on Tasiilaq's page as a person would.
    const area = (await bo.locator('.tl-canvas').first().boundingBox())!;
    await bo.mouse.click(area.x + area.width / 2, area.y + area.height / 2);
    await bo.keyboard.press('n');
    await bo.mouse.click(area.x + area.width * 0.45, area.y + area.height * 0.45);
    await bo.waitForFunction(() => Boolean(window.__fletEditor?.getEditingShapeId()));
    await bo.locator('.tl-shape[data-shape-type="note"] [contenteditable="true"]').first().waitFor();
    await bo.keyboard.type(NOTE_TEXT);
    await bo.keyboard.press('Escape');
    const note = await eventually(async () => {
      const found = (await notesOn(facilitator)).find((n) => n.text === NOTE_TEXT);
      expect(found).toBeDefined();
      return found!;
    });
    expect(note.meta.gatheringId).toBe(tasiilaq.id);
    expect(note.pageId).toBe(tasiilaq.pageId);
    // As the server stored it.
    const observer = connectClient(started.server, workshop.id, workshop.facilitatorToken);
    await observer.synced();
    expect((recordsOf(observer.doc).get(note.id)?.get('meta') as { gatheringId?: string }).gatheringId).toBe(tasiilaq.id);
    observer.destroy();
    await screenshot(bo, 'gatherings-participant-laptop');
  });

  it('when the facilitator makes another gathering current, those on the old one move with it and the others are offered the way', async () => {
    const annaJoin = await joinWorkshop(started.server, workshop.joinCode, 'employee', 'Anna');
    anna = await open(annaJoin.token, { width: 390, height: 844 });
    const [nuuk, , paamiut] = await gatheringsSeen();
    expect(await pageOf(anna)).toBe(nuuk.pageId);

    await bar(facilitator).getByRole('button', { name: 'Paamiut' }).click();
    await bar(facilitator).getByRole('button', { name: 'Make current for everyone' }).click();
    await eventually(async () => expect(await here(facilitator).textContent()).toContain('Current for everyone'));

    // Anna was on Nuuk, the old current one: she moves with everyone.
    await eventually(async () => expect(await pageOf(anna)).toBe(paamiut.pageId));
    await eventually(async () => expect(await here(anna).textContent()).toContain('You are in Paamiut'));
    await screenshot(anna, 'gatherings-bar-phone');
    const phoneAudit = await audit(anna);
    expect(describeViolations(blocking(phoneAudit))).toEqual([]);

    // Bo had gone to Tasiilaq: he stays, and is offered the way.
    await bar(bo).getByText('The facilitator has moved everyone on to Paamiut.').waitFor();
    expect(await here(bo).textContent()).toContain('You are in Tasiilaq');
    await bar(bo).getByRole('button', { name: 'Go to Paamiut' }).click();
    await eventually(async () => expect(await pageOf(bo)).toBe(paamiut.pageId));
    expect(await bar(bo).getByText('The facilitator has moved everyone on to Paamiut.').count()).toBe(0);
  });

  it('removing a gathering that holds notes archives it; an empty one is removed; an archived one comes back', async () => {
    const panel = facilitator.getByRole('complementary', { name: 'Gatherings' });
    await panel.getByText('Holds 1 note: removing the gathering archives it, and nothing is erased.').waitFor();
    await panel.getByRole('button', { name: 'Remove Tasiilaq' }).click();
    await panel.getByText('Tasiilaq holds notes, so it was archived, not erased. You can restore it under Archived gatherings.').waitFor();
    await panel.getByRole('heading', { name: 'Archived gatherings' }).waitFor();
    await panel.getByRole('button', { name: 'Restore Tasiilaq' }).waitFor();
    const archived = (await gatheringsSeen()).find((g) => g.title === 'Tasiilaq')!;
    expect(archived.archived).toBe(true);
    // Its note is still there, and it is no longer offered in the bar.
    expect((await notesOn(facilitator)).map((n) => n.text)).toContain(NOTE_TEXT);
    await eventually(async () => expect(await bar(anna).getByRole('button', { name: 'Tasiilaq' }).count()).toBe(0));

    await addThroughPanel(facilitator, 'Rehearsal', '', '');
    await panel.getByRole('button', { name: 'Remove Rehearsal' }).click();
    await panel.getByText('Rehearsal was removed.').waitFor();
    expect((await gatheringsSeen()).map((g) => g.title)).not.toContain('Rehearsal');

    await panel.getByRole('button', { name: 'Restore Tasiilaq' }).click();
    await panel.getByText('Tasiilaq was restored.').waitFor();
    await eventually(async () => expect(await bar(anna).getByRole('button', { name: 'Tasiilaq' }).count()).toBe(1));
    await screenshot(facilitator, 'gatherings-panel-after-archive');
  });

  it('fits a projector-sized screen', async () => {
    await facilitator.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(facilitator, 'gatherings-panel-1920');
    const result = await audit(facilitator);
    expect(describeViolations(blocking(result))).toEqual([]);
  });

  it('speaks Danish and Swedish', async () => {
    const language = facilitator.getByRole('banner').getByRole('combobox');
    await language.selectOption('da');
    await eventually(async () => expect(await here(facilitator).textContent()).toBe('Du er i Paamiut · Paamiut · 20. marts 2025Aktuel for alle'));
    await facilitator.getByRole('complementary', { name: 'Samlinger' }).getByRole('heading', { name: 'Tilføj en samling' }).waitFor();
    expect(describeViolations(blocking(await audit(facilitator)))).toEqual([]);
    await screenshot(facilitator, 'gatherings-panel-da-1920');
    await anna.getByRole('banner').getByRole('combobox').selectOption('sv');
    await eventually(async () => expect(await here(anna).textContent()).toContain('Du är i Paamiut · Paamiut · 20 mars 2025'));
    expect(describeViolations(blocking(await audit(anna)))).toEqual([]);
    await screenshot(anna, 'gatherings-bar-sv-phone');
  });

  it('makes no request to any host but Flet, and no page error', () => {
    expect(started.session.requests.foreign(started.server.url)).toEqual([]);
    expect(started.session.requests.errors).toEqual([]);
  });
});
