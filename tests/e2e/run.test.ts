import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addGathering, gatheringsOf } from '../../shared/domain/gatherings';
import { currentStep, stepsOf, type Step } from '../../shared/domain/steps';
import { resetTimer, startTimer } from '../../shared/domain/timer';
import { recordsOf } from '../../shared/schema';
import { createWorkshop, joinWorkshop, type CreatedWorkshop } from '../helpers/api';
import { eventually } from '../helpers/eventually';
import { connectClient, type TestClient } from '../helpers/yjsClient';
import { audit, blocking, describeViolations, installAxe } from './axe';
import { notesOn, waitForCanvas } from './boardPage';
import { screenshot, serverAndBrowser } from './browser';

/** The participant's device clock is this far ahead of the server's. */
const SHIFT_MS = 7 * 60_000;
const PHONE = { width: 390, height: 844 };
const PROJECTOR = { width: 1920, height: 1080 };

const FIRST_PROMPT = 'What is special about this place?';
const SECOND_PROMPT = 'Where should Nuuk be in 2040?';

/** "4:59" → 299 seconds. */
function seconds(text: string | null): number {
  const parts = (text ?? '').trim().split(':').map(Number);
  return parts.reduce((total, part) => total * 60 + part, 0);
}

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

function centreOf(rect: Rect): { x: number; y: number } {
  return { x: rect.x + rect.w / 2, y: rect.y + rect.h / 2 };
}

function contains(rect: Rect, point: { x: number; y: number }): boolean {
  return point.x >= rect.x && point.x <= rect.x + rect.w && point.y >= rect.y && point.y <= rect.y + rect.h;
}

describe('running a workshop: agenda, shared timer, following, projector', () => {
  const started = serverAndBrowser();
  let workshop: CreatedWorkshop;
  let observer: TestClient;
  let facilitator: Page;
  let participant: Page;
  let projector: Page;

  async function open(url: string, options: BrowserContextOptions = {}, shiftMs = 0): Promise<Page> {
    const context = await started.session.newContext(options);
    await installAxe(context);
    if (shiftMs !== 0) {
      // This device's clock is wrong by minutes: every Date on the page says so.
      await context.addInitScript((shift: number) => {
        const RealDate = Date;
        class ShiftedDate extends RealDate {
          constructor(...args: unknown[]) {
            if (args.length === 0) super(RealDate.now() + shift);
            else super(...(args as [number]));
          }
          static override now(): number {
            return RealDate.now() + shift;
          }
        }
        (window as unknown as { Date: DateConstructor }).Date = ShiftedDate as DateConstructor;
      }, shiftMs);
    }
    const page = await context.newPage();
    await page.goto(url);
    await waitForCanvas(page);
    return page;
  }
  const board = (token: string) => `${started.server.url}/w/${workshop.id}?view=canvas#token=${token}`;
  const stepBar = (page: Page) => page.getByRole('region', { name: 'Step and time' });
  const agenda = (page: Page) => page.getByRole('complementary', { name: 'Agenda' });
  const timerOn = (page: Page) => page.getByRole('timer', { name: 'Time left' });
  const viewOf = (page: Page) =>
    page.evaluate(() => {
      const editor = window.__fletEditor!;
      const view = editor.getViewportPageBounds();
      return { pageId: editor.getCurrentPageId() as string, x: view.x, y: view.y, w: view.w, h: view.h };
    });
  /** A shape's bounds on its page, as that page's editor sees them. */
  const frameOf = (page: Page, frameId: string) =>
    page.evaluate((id) => {
      const bounds = window.__fletEditor!.getShapePageBounds(id as never)!;
      return { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h };
    }, frameId);
  const current = (): Step => {
    const step = currentStep(observer.doc);
    if (!step) throw new Error('no current step');
    return step;
  };

  beforeAll(async () => {
    workshop = await createWorkshop(started.server, { title: 'Sermersooq vision', language: 'en' });
    observer = connectClient(started.server, workshop.id, workshop.facilitatorToken);
    await observer.synced();
    addGathering(observer.doc, { title: 'Nuuk', place: 'Nuuk', date: '2025-03-12' });
    await eventually(() => expect(gatheringsOf(observer.doc)).toHaveLength(1));
  });

  afterAll(async () => {
    observer?.destroy();
  });

  it('the facilitator plans the steps in the agenda panel and takes everyone to the first', async () => {
    facilitator = await open(board(workshop.facilitatorToken));
    await stepBar(facilitator).getByText('There are no steps yet.').waitFor();
    await stepBar(facilitator).getByRole('button', { name: 'Plan the steps' }).click();
    const panel = agenda(facilitator);
    await panel.getByRole('heading', { name: 'Agenda of Nuuk' }).waitFor();

    // A step without a title is refused in words.
    await panel.getByRole('button', { name: 'Add step' }).click();
    await panel.getByText('Give the step a title.').waitFor();

    const add = async (title: string, prompt: string, minutes: string) => {
      await panel.getByLabel('Title').last().fill(title);
      await panel.getByLabel('Question for the participants').last().fill(prompt);
      await panel.getByLabel('Duration in minutes').last().fill(minutes);
      await panel.getByRole('button', { name: 'Add step' }).click();
      await eventually(async () => expect(await panel.getByRole('status').textContent()).toContain(`${title} was added.`));
    };
    await add('Special places', FIRST_PROMPT, '5');
    await add('Where to go', SECOND_PROMPT, '3');
    await add('Trial actions', 'Which trial action can start now?', '10');
    const items = panel.getByRole('list').first().getByRole('listitem');
    expect(await items.allTextContents()).toEqual([
      expect.stringContaining('Special places'),
      expect.stringContaining('Where to go'),
      expect.stringContaining('Trial actions'),
    ]);
    expect(await items.first().textContent()).toContain('5 minutes');

    // Reordered by keyboard: the focus stays on the moved step's button.
    await panel.getByRole('button', { name: 'Move up Trial actions' }).focus();
    await facilitator.keyboard.press('Enter');
    await eventually(async () => expect(await items.nth(1).textContent()).toContain('Trial actions'));
    await eventually(async () => expect(await facilitator.evaluate(() => document.activeElement?.textContent)).toBe('Move up Trial actions'));
    await facilitator.keyboard.press('Tab');
    await facilitator.keyboard.press('Enter');
    await eventually(async () => expect(await items.nth(2).textContent()).toContain('Trial actions'));

    // Each step has its frame on the gathering's page, named after it, locked.
    const [nuuk] = gatheringsOf(observer.doc);
    await eventually(() => expect(stepsOf(observer.doc, nuuk.id)).toHaveLength(3));
    const frames = stepsOf(observer.doc, nuuk.id).map((step) => recordsOf(observer.doc).get(step.frameId!));
    expect(frames.map((frame) => [frame?.get('parentId'), frame?.get('isLocked'), (frame?.get('props') as { name: string }).name])).toEqual([
      [nuuk.pageId, true, 'Special places'],
      [nuuk.pageId, true, 'Where to go'],
      [nuuk.pageId, true, 'Trial actions'],
    ]);

    // Editing a step renames it (and its frame).
    await panel.getByRole('button', { name: 'Edit Where to go' }).click();
    await panel.getByLabel('Title').first().fill('Where should we go');
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.getByText('Where should we go was saved.').waitFor();

    await stepBar(facilitator).getByRole('button', { name: 'Go to the first step' }).click();
    await stepBar(facilitator).getByText('Step 1 of 3').waitFor();
    expect(await stepBar(facilitator).getByText(FIRST_PROMPT).count()).toBe(1);
    await eventually(async () => expect(await timerOn(facilitator).textContent()).toBe('5:00'));
    await eventually(() => expect(current().title).toBe('Special places'));
    expect(await panel.getByRole('listitem').first().getAttribute('aria-current')).toBe('step');

    expect(describeViolations(blocking(await audit(facilitator)))).toEqual([]);
    await screenshot(facilitator, 'run-agenda-laptop');
  });

  it('the timer shows the same time on the facilitator, a participant whose clock is 7 minutes ahead, and the projector', async () => {
    const joined = await joinWorkshop(started.server, workshop.joinCode, 'citizen', 'Bo');
    participant = await open(board(joined.token), { viewport: PHONE }, SHIFT_MS);
    projector = await open(`${started.server.url}/p/${workshop.id}?view=canvas#token=${workshop.projectorToken}`, { viewport: PROJECTOR });
    expect(await participant.evaluate(() => Date.now())).toBeGreaterThan(Date.now() + SHIFT_MS - 60_000);

    // Started from the keyboard.
    const controls = stepBar(facilitator).getByRole('group', { name: 'Timer' });
    await controls.getByRole('button', { name: 'Start the timer' }).focus();
    await facilitator.keyboard.press('Enter');
    await controls.getByRole('button', { name: 'Pause the timer' }).waitFor();
    expect(await facilitator.evaluate(() => document.activeElement?.textContent)).toBe('Pause the timer');

    await eventually(
      async () => {
        const shown = await Promise.all([facilitator, participant, projector].map(async (page) => seconds(await timerOn(page).textContent())));
        // Running: below five minutes, above four, and the three within a second of each other.
        for (const value of shown) {
          expect(value).toBeLessThan(300);
          expect(value).toBeGreaterThan(240);
        }
        expect(Math.max(...shown) - Math.min(...shown)).toBeLessThanOrEqual(1);
      },
      { timeout: 15_000 },
    );

    // A minute more, from the keyboard: everyone sees it.
    await facilitator.keyboard.press('Tab');
    expect(await facilitator.evaluate(() => document.activeElement?.textContent)).toBe('Add a minute');
    await facilitator.keyboard.press('Enter');
    await eventually(async () => {
      const shown = await Promise.all([facilitator, participant, projector].map(async (page) => seconds(await timerOn(page).textContent())));
      for (const value of shown) expect(value).toBeGreaterThan(300);
      expect(Math.max(...shown) - Math.min(...shown)).toBeLessThanOrEqual(1);
    });

    // Paused: it stops, and says so, everywhere.
    await facilitator.keyboard.press('Shift+Tab');
    await facilitator.keyboard.press('Enter');
    await controls.getByRole('button', { name: 'Resume the timer' }).waitFor();
    await eventually(async () => expect(await stepBar(participant).getByText('paused').count()).toBe(1));
    const paused = await timerOn(facilitator).textContent();
    await eventually(async () => expect(await timerOn(participant).textContent()).toBe(paused));
    await eventually(async () => expect(await timerOn(projector).textContent()).toBe(paused));

    // Reset: back to the step's five minutes.
    await controls.getByRole('button', { name: 'Reset the timer' }).focus();
    await facilitator.keyboard.press('Enter');
    await eventually(async () => expect(await timerOn(participant).textContent()).toBe('5:00'));
    await controls.getByRole('button', { name: 'Start the timer' }).click();
    await eventually(async () => expect(seconds(await timerOn(participant).textContent())).toBeLessThan(300));

    // Screen readers are told politely at one minute left and at zero, and the timer pulses at zero.
    const told = (page: Page) => page.getByTestId('timer').first().locator('[aria-live="polite"]');
    resetTimer(observer.doc, 61_500);
    startTimer(observer.doc, Date.now());
    await eventually(async () => expect(await told(participant).textContent()).toBe('One minute left.'), { timeout: 15_000 });
    resetTimer(observer.doc, 1_500);
    startTimer(observer.doc, Date.now());
    await eventually(async () => expect(await told(participant).textContent()).toBe('Time is up.'), { timeout: 15_000 });
    await eventually(async () => expect(await told(projector).textContent()).toBe('Time is up.'));
    expect(await participant.getByTestId('timer').first().getAttribute('class')).toContain('timer-pulse');
    expect(await timerOn(participant).textContent()).toBe('0:00');
    await controls.getByRole('button', { name: 'Reset the timer' }).click();
    await eventually(async () => expect(await timerOn(participant).textContent()).toBe('5:00'));

    // The step bar on a phone: the step, its question and the timer, and nothing blocking.
    await stepBar(participant).getByText('Special places').waitFor();
    expect(describeViolations(blocking(await audit(participant)))).toEqual([]);
    await screenshot(participant, 'run-step-bar-phone');
  });

  it('"bring everyone here" moves a participant to the facilitator\'s page and view; one click brings them back after wandering', async () => {
    // The facilitator looks somewhere else on the page.
    await facilitator.evaluate(() => {
      window.__fletEditor!.setCamera({ x: 900, y: -1400, z: 1 });
    });
    const there = await viewOf(facilitator);
    await stepBar(facilitator).getByRole('button', { name: 'Bring everyone here' }).click();
    await eventually(async () => {
      const seen = await viewOf(participant);
      expect(seen.pageId).toBe(there.pageId);
      // The participant's screen is narrower: the facilitator's view is centred in it.
      const centre = centreOf(seen);
      const wanted = centreOf(there);
      expect(Math.abs(centre.x - wanted.x)).toBeLessThan(there.w * 0.05);
      expect(Math.abs(centre.y - wanted.y)).toBeLessThan(there.h * 0.05);
    });
    expect(await stepBar(participant).getByRole('button', { name: 'Back to the facilitator' }).count()).toBe(0);

    // The participant pans away; a way back appears, and takes them there.
    await participant.evaluate(() => {
      window.__fletEditor!.setCamera({ x: 5000, y: 5000, z: 1 });
    });
    const back = stepBar(participant).getByRole('button', { name: 'Back to the facilitator' });
    await back.waitFor();
    await back.click();
    await eventually(async () => {
      const centre = centreOf(await viewOf(participant));
      expect(Math.abs(centre.x - centreOf(there).x)).toBeLessThan(there.w * 0.05);
    });
    await eventually(async () => expect(await back.count()).toBe(0));
  });

  it('the next step takes the participant and the projector to its frame and shows its question', async () => {
    await stepBar(facilitator).getByRole('button', { name: 'Next step' }).click();
    await eventually(() => expect(current().title).toBe('Where should we go'));
    const frameId = current().frameId!;
    await stepBar(participant).getByText('Where should we go').waitFor();
    await stepBar(participant).getByText(SECOND_PROMPT).waitFor();
    await projector.getByText(SECOND_PROMPT).waitFor();
    for (const page of [participant, facilitator, projector]) {
      await eventually(async () => {
        const frame = await frameOf(page, frameId);
        expect(contains(await viewOf(page), centreOf(frame))).toBe(true);
      });
    }
    // The participant sees all of the frame.
    const frame = await frameOf(participant, frameId);
    const seen = await viewOf(participant);
    expect(contains(seen, { x: frame.x, y: frame.y })).toBe(true);
    expect(contains(seen, { x: frame.x + frame.w, y: frame.y + frame.h })).toBe(true);
  });

  it('the projector shows the workshop, the step, its question, the timer and the join code, which the facilitator can hide', async () => {
    const band = projector.getByRole('banner');
    await band.getByRole('heading', { name: 'Sermersooq vision · Nuuk' }).waitFor();
    expect(await band.textContent()).toContain('Step 2 of 3');
    expect(await projector.getByTestId('projector-prompt').textContent()).toBe(SECOND_PROMPT);
    expect(seconds(await timerOn(projector).textContent())).toBe(180);
    const corner = projector.getByRole('complementary', { name: 'Join in' });
    expect(await corner.textContent()).toContain(workshop.joinCode);
    await corner.getByRole('img', { name: `QR code for ${workshop.urls.join}` }).waitFor();
    // Large enough to read from the back of the room.
    const promptSize = await projector.getByTestId('projector-prompt').evaluate((node) => parseFloat(getComputedStyle(node).fontSize));
    expect(promptSize).toBeGreaterThanOrEqual(40);
    expect(describeViolations(blocking(await audit(projector)))).toEqual([]);
    await screenshot(projector, 'run-projector-1920');

    const toggle = stepBar(facilitator).getByRole('button', { name: 'Code on the projector' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    await eventually(async () => expect(await corner.count()).toBe(0));
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    await corner.waitFor();
  });

  it("a participant's new note lands in the current step's frame, and stays theirs to write in and move there", async () => {
    const frameId = current().frameId!;
    const area = (await participant.locator('.tl-canvas').first().boundingBox())!;
    await participant.mouse.click(area.x + area.width * 0.7, area.y + area.height / 2);
    await participant.keyboard.press('n');
    await participant.mouse.click(area.x + area.width * 0.7, area.y + area.height * 0.5);
    await participant.waitForFunction(() => Boolean(window.__fletEditor?.getEditingShapeId()));
    await participant.locator('.tl-shape[data-shape-type="note"] [contenteditable="true"]').first().waitFor();
    await participant.keyboard.type('Sea ice road all year');
    await participant.keyboard.press('Escape');
    const note = await eventually(async () => {
      const found = (await notesOn(facilitator)).find((n) => n.text === 'Sea ice road all year');
      expect(found).toBeDefined();
      return found!;
    });
    // notesOn names the parent: the step's frame, as the server stored it.
    expect(note.pageId).toBe(frameId);
    await eventually(() => expect(recordsOf(observer.doc).get(note.id)?.get('parentId')).toBe(frameId));

    // Moved inside the locked frame by its writer.
    const before = recordsOf(observer.doc).get(note.id)!.get('x') as number;
    const at = await participant.evaluate((id) => {
      const editor = window.__fletEditor!;
      const centre = editor.getShapePageBounds(id as never)!.center;
      const point = editor.pageToViewport(centre);
      const box = editor.getContainer().getBoundingClientRect();
      return { x: box.left + point.x, y: box.top + point.y };
    }, note.id);
    await participant.mouse.move(at.x, at.y);
    await participant.mouse.down();
    await participant.mouse.move(at.x + 15, at.y, { steps: 5 });
    await participant.mouse.move(at.x + 30, at.y, { steps: 5 });
    await participant.mouse.up();
    await eventually(() => expect(recordsOf(observer.doc).get(note.id)!.get('x')).toBeGreaterThan(before));
    expect(recordsOf(observer.doc).get(note.id)!.get('parentId')).toBe(frameId);
    // The frame itself stays where the facilitator put it.
    const frameAt = await frameOf(participant, frameId);
    const frameCorner = await participant.evaluate(
      ({ x, y }) => {
        const editor = window.__fletEditor!;
        const point = editor.pageToViewport({ x: x + 5, y: y + 5 });
        const box = editor.getContainer().getBoundingClientRect();
        return { x: box.left + point.x, y: box.top + point.y };
      },
      { x: frameAt.x, y: frameAt.y },
    );
    await participant.mouse.move(frameCorner.x, frameCorner.y);
    await participant.mouse.down();
    await participant.mouse.move(frameCorner.x + 40, frameCorner.y + 40, { steps: 5 });
    await participant.mouse.up();
    expect(await frameOf(participant, frameId)).toEqual(frameAt);

    // A note made outside any frame goes to a free spot inside the step's frame.
    await participant.evaluate(() => {
      window.__fletEditor!.setCamera({ x: 4000, y: 4000, z: 1 });
    });
    await participant.keyboard.press('n');
    await participant.mouse.click(area.x + area.width * 0.7, area.y + area.height * 0.5);
    await participant.waitForFunction(() => Boolean(window.__fletEditor?.getEditingShapeId()));
    await participant.locator('.tl-shape[data-shape-type="note"] [contenteditable="true"]').first().waitFor();
    await participant.keyboard.type('Ferry twice a week');
    await participant.keyboard.press('Escape');
    const far = await eventually(async () => {
      const found = (await notesOn(facilitator)).find((n) => n.text === 'Ferry twice a week');
      expect(found).toBeDefined();
      return found!;
    });
    expect(far.pageId).toBe(frameId);
    // Both notes are wholly inside the frame, where everyone sees them.
    const frame = await frameOf(facilitator, frameId);
    for (const id of [note.id, far.id]) {
      const bounds = await eventually(async () => {
        const seen = await frameOf(facilitator, id);
        expect(seen.w).toBeGreaterThan(0);
        return seen;
      });
      await eventually(async () => {
        const seen = await frameOf(facilitator, id);
        expect(seen.x).toBeGreaterThanOrEqual(frame.x);
        expect(seen.y).toBeGreaterThanOrEqual(frame.y);
        expect(seen.x + bounds.w).toBeLessThanOrEqual(frame.x + frame.w);
        expect(seen.y + bounds.h).toBeLessThanOrEqual(frame.y + frame.h);
      });
    }
    await screenshot(participant, 'run-note-in-frame-phone');
    await eventually(async () => expect(await projector.locator('.tl-note__attribution').count()).toBeGreaterThan(0));
    await screenshot(projector, 'run-projector-notes-1920');
  });

  it('keeps the agenda readable to participants, and speaks Danish and Swedish', async () => {
    await participant.getByRole('button', { name: 'Agenda' }).click();
    const panel = agenda(participant);
    await panel.getByRole('heading', { name: 'Agenda of Nuuk' }).waitFor();
    expect(await panel.getByRole('button', { name: /Edit|Remove/ }).count()).toBe(0);
    expect(await panel.getByRole('listitem').nth(1).getAttribute('aria-current')).toBe('step');
    expect(describeViolations(blocking(await audit(participant)))).toEqual([]);
    await screenshot(participant, 'run-agenda-phone');

    await facilitator.getByRole('banner').getByRole('combobox').selectOption('da');
    await facilitator.getByRole('region', { name: 'Trin og tid' }).getByText('Trin 2 af 3').waitFor();
    expect(describeViolations(blocking(await audit(facilitator)))).toEqual([]);
    await participant.getByRole('banner').getByRole('combobox').selectOption('sv');
    await participant.getByRole('region', { name: 'Steg och tid' }).getByText('Steg 2 av 3').waitFor();
    await facilitator.getByRole('banner').getByRole('combobox').selectOption('en');

    // Any step can be made current from the agenda; the last one has no next.
    await agenda(facilitator).getByRole('button', { name: 'Go to step Trial actions' }).click();
    await stepBar(facilitator).getByText('Step 3 of 3').waitFor();
    await participant.getByRole('region', { name: 'Steg och tid' }).getByText('Trial actions').waitFor();
    expect(await stepBar(facilitator).getByRole('button', { name: 'Next step' }).isDisabled()).toBe(true);

    // The facilitator's board with the agenda closed, on a laptop and on a phone.
    await facilitator.getByRole('button', { name: 'Agenda' }).click();
    await eventually(async () => expect(await agenda(facilitator).count()).toBe(0));
    await screenshot(facilitator, 'run-facilitator-laptop');
    await facilitator.setViewportSize(PHONE);
    await stepBar(facilitator).getByRole('button', { name: 'Next step' }).waitFor();
    expect(describeViolations(blocking(await audit(facilitator)))).toEqual([]);
    await screenshot(facilitator, 'run-facilitator-phone');
  });

  it('makes no request to any host but Flet, and no page error', () => {
    expect(started.session.requests.foreign(started.server.url)).toEqual([]);
    expect(started.session.requests.errors).toEqual([]);
  });
});
