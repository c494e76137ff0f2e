import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addGathering } from '../../shared/domain/gatherings';
import { createWorkshop, joinWorkshop, type CreatedWorkshop } from '../helpers/api';
import { addNote } from '../helpers/board';
import { eventually } from '../helpers/eventually';
import { connectClient, type TestClient } from '../helpers/yjsClient';
import { audit, blocking, describeViolations, installAxe } from './axe';
import { waitForCanvas } from './boardPage';
import { screenshot, serverAndBrowser } from './browser';

const GATHERING = 'Samling i Nuuk';
/** Notes far from where a page's camera starts, as notes placed on a big screen end up. */
const NOTES = ['Havnestien skal lyse', 'Flere bænke ved fjorden', 'Ungdomshus i Qinngorput'];

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function inside(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on screen');
  return box;
}

describe('the board, cleaned up (a Danish board)', () => {
  const started = serverAndBrowser();
  let workshop: CreatedWorkshop;
  let facilitatorDoc: TestClient;

  async function open(token: string, viewport: { width: number; height: number }, board: 'w' | 'p' = 'w'): Promise<Page> {
    const context = await started.session.newContext({ viewport, locale: 'da-DK' });
    await installAxe(context);
    const page = await context.newPage();
    await page.goto(`${started.server.url}/${board}/${workshop.id}?view=canvas#token=${token}`);
    await waitForCanvas(page);
    // The projector shows its connection only when it is not connected.
    if (board === 'w') {
      await eventually(async () => expect(await page.locator('[data-status]').first().getAttribute('data-status')).toBe('connected'), {
        timeout: 15_000,
      });
    }
    return page;
  }

  /** The canvas's box on the screen, and its middle half (a quarter in from each side). */
  async function middleOf(page: Page): Promise<Box> {
    const canvas = await boxOf(page.getByTestId('canvas').first());
    return { x: canvas.x + canvas.width / 4, y: canvas.y + canvas.height / 4, width: canvas.width / 2, height: canvas.height / 2 };
  }

  /** Every note is drawn wholly inside the canvas, as a person sees it. */
  async function notesInView(page: Page): Promise<Box[]> {
    const canvas = await boxOf(page.getByTestId('canvas').first());
    const boxes: Box[] = [];
    for (const text of NOTES) {
      const box = await boxOf(page.locator('.tl-shape').getByText(text, { exact: true }));
      expect(inside(box, canvas), `"${text}" in view`).toBe(true);
      boxes.push(box);
    }
    return boxes;
  }

  beforeAll(async () => {
    workshop = await createWorkshop(started.server, { title: 'Visionsværksted', language: 'da' });
    facilitatorDoc = connectClient(started.server, workshop.id, workshop.facilitatorToken);
    await facilitatorDoc.synced();
    // The first gathering takes the page the board started with, where the notes are.
    addGathering(facilitatorDoc.doc, { title: GATHERING, place: 'Nuuk' });
    NOTES.forEach((text, index) => addNote(facilitatorDoc.doc, `shape:far-${index}`, text, null, 2600 + index * 240, 1800));
  });

  afterAll(async () => {
    facilitatorDoc?.destroy();
  });

  it("has no tldraw language menu or embeds, and its page is the gathering's, named in Danish", async () => {
    const facilitator = await open(workshop.facilitatorToken, { width: 1280, height: 800 });

    // tldraw's main menu: its own items, in Danish, but no second language switcher and no embeds.
    await facilitator.getByRole('button', { name: 'Menu', exact: true }).click();
    const menu = facilitator.getByRole('menu');
    await menu.getByRole('menuitem', { name: 'Rediger' }).waitFor();
    expect(await menu.getByRole('menuitem', { name: 'Sprog' }).count()).toBe(0);
    expect(await menu.getByRole('menuitem', { name: /indlejring/i }).count()).toBe(0);
    await screenshot(facilitator, 'board-cleanup-main-menu-laptop');
    await facilitator.keyboard.press('Escape');
    await eventually(async () => expect(await menu.count()).toBe(0));
    // Flet's own language switcher is the one there is.
    expect(await facilitator.getByRole('combobox', { name: 'Sprog' }).count()).toBe(1);

    // tldraw's shortcut for the embed dialog does nothing either.
    await facilitator.getByTestId('canvas').first().locator('.tl-canvas').click({ position: { x: 400, y: 300 } });
    await facilitator.keyboard.press('Control+i');
    await facilitator.getByRole('button', { name: 'Menu', exact: true }).click();
    await facilitator.getByRole('menu').getByRole('menuitem', { name: 'Rediger' }).waitFor();
    expect(await facilitator.getByRole('dialog').count()).toBe(0);
    await facilitator.keyboard.press('Escape');

    // The page is the gathering's: named after it, shown by the gathering bar, and no page of
    // tldraw's own ("Page 1", "Side 1") is offered or made, not even by Alt+→ on the last page.
    await eventually(async () => expect(await facilitator.getByTestId('gathering-here').textContent()).toContain(GATHERING));
    expect(await facilitator.evaluate(() => window.__fletEditor!.getCurrentPage().name)).toBe(GATHERING);
    expect(await facilitator.getByRole('button', { name: 'Sider' }).count()).toBe(0);
    await facilitator.keyboard.press('Alt+ArrowRight');
    await facilitator.getByRole('button', { name: 'Menu', exact: true }).click();
    await facilitator.getByRole('menu').getByRole('menuitem', { name: 'Rediger' }).waitFor();
    await facilitator.keyboard.press('Escape');
    expect(await facilitator.evaluate(() => window.__fletEditor!.getPages().map((page) => page.name))).toEqual([GATHERING]);
    expect(await facilitator.getByText(/^(Page|Side) \d+$/).count()).toBe(0);
    await facilitator.context().close();
  });

  it("leaves tldraw's licence badge as tldraw shows it without a licence key, uncovered by the board's own chrome", async () => {
    // The badge goes only with a key (TLDRAW_LICENSE_KEY at build time): tldraw's licence
    // forbids hiding or altering it, so the board must not cover it either.
    const cy = await joinWorkshop(started.server, workshop.joinCode, 'business', 'Cy');
    for (const [token, viewport, board] of [
      [workshop.facilitatorToken, { width: 1280, height: 800 }, 'w'],
      [cy.token, { width: 390, height: 844 }, 'w'],
      // The projector's join corner stands in the same corner, above the badge.
      [workshop.projectorToken, { width: 1920, height: 1080 }, 'p'],
    ] as const) {
      const page = await open(token, viewport, board);
      if (board === 'p') await page.getByTestId('join-corner').waitFor();
      const badge = page.getByTestId('tl-watermark-unlicensed');
      await badge.waitFor();
      const box = await boxOf(badge);
      const onTop = await page.evaluate(
        ({ x, y }) => Boolean(document.elementFromPoint(x, y)?.closest('[data-testid="tl-watermark-unlicensed"]')),
        { x: box.x + box.width / 2, y: box.y + box.height / 2 },
      );
      expect(onTop, `badge uncovered at ${viewport.width}×${viewport.height}`).toBe(true);
      await page.context().close();
    }
  });

  it('on a 1280×800 laptop the style panel is a button until styles are worked on, and never covers the middle of the board', async () => {
    const facilitator = await open(workshop.facilitatorToken, { width: 1280, height: 800 });
    const middle = await middleOf(facilitator);
    const toggle = facilitator.getByRole('button', { name: 'Farve og stil' });
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await facilitator.getByTestId('style.panel').count()).toBe(0);
    expect(overlaps(await boxOf(toggle), middle)).toBe(false);

    // With a drawing tool in hand it opens, beside the middle of the board, with every colour.
    await facilitator.getByTestId('canvas').first().locator('.tl-canvas').click({ position: { x: 400, y: 300 } });
    await facilitator.keyboard.press('Escape');
    await eventually(async () => expect(await facilitator.evaluate(() => window.__fletEditor!.getSelectedShapeIds().length)).toBe(0));
    expect(await facilitator.getByTestId('style.panel').count()).toBe(0);
    await facilitator.keyboard.press('r');
    const panel = facilitator.getByTestId('style.panel');
    await panel.waitFor();
    expect(overlaps(await boxOf(panel), middle)).toBe(false);
    expect(await panel.getByLabel(/^Farve — /).count()).toBeGreaterThan(5);
    await screenshot(facilitator, 'board-cleanup-style-open-laptop');

    // Folded by hand, it stays folded; opened by keyboard, it opens.
    await facilitator.getByRole('button', { name: 'Skjul farve og stil' }).click();
    await eventually(async () => expect(await panel.count()).toBe(0));
    await toggle.focus();
    await facilitator.keyboard.press('Enter');
    await panel.waitFor();
    expect(await facilitator.getByRole('button', { name: 'Skjul farve og stil' }).getAttribute('aria-expanded')).toBe('true');
    await facilitator.keyboard.press('Enter');
    await eventually(async () => expect(await panel.count()).toBe(0));
    // The legend, open on a laptop, is beside the notes, not over them.
    const legend = facilitator.getByRole('region', { name: 'Grupper' });
    expect(await legend.getByRole('listitem').count()).toBe(7);
    await facilitator.keyboard.press('v');
    for (const note of await notesInView(facilitator)) expect(overlaps(await boxOf(legend), note)).toBe(false);
    await screenshot(facilitator, 'board-cleanup-laptop');
    await facilitator.context().close();
  });

  it("offers a participant their own group's colour alone, whatever they draw", async () => {
    const anna = await joinWorkshop(started.server, workshop.joinCode, 'citizen', 'Anna');
    const page = await open(anna.token, { width: 1280, height: 800 });
    await page.getByTestId('canvas').first().locator('.tl-canvas').click({ position: { x: 400, y: 300 } });
    for (const tool of ['r', 'd', 'n']) {
      await page.keyboard.press(tool);
      const colours = page.getByTestId('style.panel').getByLabel(/^Farve — /);
      await eventually(async () => expect(await colours.count()).toBe(1));
      expect(await page.getByTestId('style.panel').getByLabel(/^Farve — Orange/).count()).toBe(1);
    }
    await page.keyboard.press('v');
    await page.context().close();
  });

  it('a phone opens on the notes, and the group legend, folded, covers none of them', async () => {
    const bo = await joinWorkshop(started.server, workshop.joinCode, 'employee', 'Bo');
    const phone = await open(bo.token, { width: 390, height: 844 });
    const notes = await eventually(() => notesInView(phone));

    const legend = phone.getByRole('region', { name: 'Grupper' });
    const toggle = legend.getByRole('button', { name: 'Grupper' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await legend.getByRole('listitem').count()).toBe(0);
    const legendBox = await boxOf(legend);
    for (const note of notes) expect(overlaps(legendBox, note)).toBe(false);
    await screenshot(phone, 'board-cleanup-phone');
    const result = await audit(phone);
    expect(describeViolations(blocking(result))).toEqual([]);

    // Unfolded, it names the groups, Bo's own marked.
    await toggle.click();
    await eventually(async () => expect(await legend.getByRole('listitem').count()).toBe(7));
    expect(await legend.locator('[aria-current="true"]').textContent()).toBe('Medarbejder');
    await screenshot(phone, 'board-cleanup-phone-legend');
    await toggle.click();
    await eventually(async () => expect(await legend.getByRole('listitem').count()).toBe(0));
    await phone.context().close();
  });

  it('a 1920×1080 screen opens on the notes too, with the legend open beside them', async () => {
    const facilitator = await open(workshop.facilitatorToken, { width: 1920, height: 1080 });
    const notes = await eventually(() => notesInView(facilitator));
    const legend = facilitator.getByRole('region', { name: 'Grupper' });
    expect(await legend.getByRole('listitem').count()).toBe(7);
    const legendBox = await boxOf(legend);
    for (const note of notes) expect(overlaps(legendBox, note)).toBe(false);
    await screenshot(facilitator, 'board-cleanup-1920');
    const result = await audit(facilitator);
    expect(describeViolations(blocking(result))).toEqual([]);
  });
});
