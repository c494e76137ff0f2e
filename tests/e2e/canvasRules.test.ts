import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { GROUP_STYLES } from '../../shared/domain/groups';
import { recordsOf } from '../../shared/schema';
import { createWorkshop, joinWorkshop, type CreatedWorkshop } from '../helpers/api';
import { eventually } from '../helpers/eventually';
import { connectClient } from '../helpers/yjsClient';
import { notesOn, waitForCanvas } from './boardPage';
import { screenshot, serverAndBrowser } from './browser';

const NOTE_TEXT = 'A school bus to the settlements';

/** Plain text of a note's rich text, as the document holds it. */
function textOf(node: unknown): string {
  if (!node || typeof node !== 'object') return '';
  const n = node as { text?: string; content?: unknown[] };
  return (n.text ?? '') + (n.content ?? []).map(textOf).join('');
}

describe('the canvas rules in the browser', () => {
  const started = serverAndBrowser();
  /** Sockets of each page that closed, counted from the page's first request. */
  const socketsClosed = new Map<Page, number>();

  async function open(workshop: CreatedWorkshop, token: string): Promise<Page> {
    const context = await started.session.newContext();
    const page = await context.newPage();
    socketsClosed.set(page, 0);
    page.on('websocket', (ws) => ws.on('close', () => socketsClosed.set(page, (socketsClosed.get(page) ?? 0) + 1)));
    await page.goto(`${started.server.url}/w/${workshop.id}#token=${token}`);
    await waitForCanvas(page);
    await eventually(async () => expect(await page.locator('[data-status]').first().getAttribute('data-status')).toBe('connected'), {
      timeout: 15_000,
    });
    return page;
  }


  it("a participant cannot type into or delete another participant's note, cannot change its colour to another group's, and is not shown a refusal while using the board normally", async () => {
    const workshop = await createWorkshop(started.server, { title: 'Bus routes', language: 'en' });
    const annaJoin = await joinWorkshop(started.server, workshop.joinCode, 'citizen', 'Anna');
    const boJoin = await joinWorkshop(started.server, workshop.joinCode, 'business', 'Bo');
    const anna = await open(workshop, annaJoin.token);
    const bo = await open(workshop, boJoin.token);

    // Anna adds a note as a person would.
    const annaArea = (await anna.locator('.tl-canvas').first().boundingBox())!;
    await anna.mouse.click(annaArea.x + annaArea.width / 2, annaArea.y + annaArea.height / 2);
    await anna.keyboard.press('n');
    await anna.mouse.click(annaArea.x + annaArea.width * 0.45, annaArea.y + annaArea.height * 0.45);
    await anna.waitForFunction(() => Boolean(window.__fletEditor?.getEditingShapeId()));
    await anna.locator('.tl-shape[data-shape-type="note"] [contenteditable="true"]').first().waitFor();
    await anna.keyboard.type(NOTE_TEXT);
    await anna.keyboard.press('Escape');
    const annasNote = await eventually(async () => {
      const found = (await notesOn(bo)).find((n) => n.text === NOTE_TEXT);
      expect(found).toBeDefined();
      return found!;
    });
    expect(annasNote.color).toBe(GROUP_STYLES.citizen.canvasColor);
    const positionOn = (page: Page) =>
      page.evaluate((id) => {
        const shape = window.__fletEditor!.getShape(id as Parameters<NonNullable<typeof window.__fletEditor>['getShape']>[0]);
        return shape ? { x: shape.x, y: shape.y } : null;
      }, annasNote.id);
    const before = (await positionOn(anna))!;

    // Bo finds Anna's note on his screen and selects it.
    const noteOnBo = bo.locator('.tl-shape[data-shape-type="note"]').filter({ hasText: NOTE_TEXT });
    await noteOnBo.scrollIntoViewIfNeeded();
    const box = (await noteOnBo.boundingBox())!;
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await bo.mouse.click(centre.x, centre.y);
    await eventually(async () => expect(await bo.evaluate(() => window.__fletEditor!.getSelectedShapeIds())).toEqual([annasNote.id]));

    // A double click does not open the note's text, and neither does Enter; typing changes nothing.
    await bo.mouse.dblclick(centre.x, centre.y);
    expect(await bo.evaluate(() => window.__fletEditor!.getEditingShapeId())).toBeNull();
    expect(await noteOnBo.locator('[contenteditable="true"]').count()).toBe(0);
    await bo.keyboard.press('Enter');
    expect(await bo.evaluate(() => window.__fletEditor!.getEditingShapeId())).toBeNull();
    await bo.keyboard.type('Overwritten');
    await bo.keyboard.press('Escape');
    await bo.keyboard.press('v');

    // Delete and Backspace leave it where it is.
    await bo.mouse.click(centre.x, centre.y);
    await bo.keyboard.press('Delete');
    await bo.keyboard.press('Backspace');
    expect((await notesOn(bo)).map((n) => n.text)).toContain(NOTE_TEXT);

    // The colour picker offers Bo his own group's colour only while a note is selected, and
    // choosing it leaves Anna's note in hers.
    await bo.mouse.click(centre.x, centre.y);
    const colours = bo.getByTestId('style.panel').getByLabel(/^Color — /);
    await eventually(async () => expect(await colours.count()).toBe(1));
    expect(await bo.getByLabel(/^Color — Orange/).count()).toBe(0);
    await screenshot(bo, 'laptop-participant-selects-anothers-note');
    await bo.getByLabel(/^Color — Red/).click();
    expect((await notesOn(bo)).find((n) => n.id === annasNote.id)?.color).toBe(GROUP_STYLES.citizen.canvasColor);

    // Moving it is for anyone: Bo drags it, and Anna sees it move.
    await bo.mouse.move(centre.x, centre.y);
    await bo.mouse.down();
    await bo.mouse.move(centre.x + 80, centre.y + 40, { steps: 4 });
    await bo.mouse.move(centre.x + 160, centre.y + 90, { steps: 4 });
    await bo.mouse.up();
    await eventually(
      async () => {
        const moved = (await positionOn(anna))!;
        expect(moved.x).toBeGreaterThan(before.x + 100);
        expect(moved.y).toBeGreaterThan(before.y + 50);
      },
      { timeout: 10_000 },
    );

    // Unchanged for Anna and on the server: text, colour, and the note itself.
    const onAnna = (await notesOn(anna)).find((n) => n.id === annasNote.id);
    expect(onAnna).toMatchObject({ text: NOTE_TEXT, color: GROUP_STYLES.citizen.canvasColor });
    const observer = connectClient(started.server, workshop.id, workshop.facilitatorToken);
    await observer.synced();
    const stored = recordsOf(observer.doc).get(annasNote.id)?.toJSON() as { props: { color: string; richText: unknown }; meta: object };
    expect(textOf(stored.props.richText)).toBe(NOTE_TEXT);
    expect(stored.props.color).toBe(GROUP_STYLES.citizen.canvasColor);
    expect(stored.meta).toMatchObject({ participantId: annaJoin.participantId, group: 'citizen' });
    observer.destroy();

    // Nothing of it was refused: Bo's link stayed open and he was never told of a refusal.
    expect(socketsClosed.get(bo)).toBe(0);
    expect(await bo.getByRole('alert').count()).toBe(0);
    expect(await bo.locator('[data-status]').first().getAttribute('data-status')).toBe('connected');
    expect((await notesOn(anna)).every((n) => !n.text.includes('Overwritten'))).toBe(true);
  });

  it('makes no request to any host but Flet, and no page error', () => {
    expect(started.session.requests.foreign(started.server.url)).toEqual([]);
    expect(started.session.requests.errors).toEqual([]);
  });
});
