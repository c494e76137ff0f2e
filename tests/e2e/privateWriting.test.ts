import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { draftsOf } from '../../shared/domain/drafts';
import { addGathering, gatheringsOf } from '../../shared/domain/gatherings';
import { addStep, currentStep, setCurrentStep, setStepPrivate, type Step } from '../../shared/domain/steps';
import { createWorkshop, joinWorkshop, type CreatedWorkshop, type JoinedWorkshop } from '../helpers/api';
import { eventually } from '../helpers/eventually';
import { connectClient, type TestClient } from '../helpers/yjsClient';
import { audit, blocking, describeViolations, installAxe } from './axe';
import { notesOn, waitForCanvas, type NoteSeen } from './boardPage';
import { serverAndBrowser } from './browser';

const PHONE = { width: 390, height: 844 };
const PROJECTOR = { width: 1920, height: 1080 };

const ANNA_TYPED = 'A ferry between the settlements every week';
const ANNA_PASTED = 'Keep the old school as a meeting house';
const ANNA_ON_CANVAS = 'Daycare open in the evening';
const BO_TYPED = 'Housing for young families first';
const SECOND_ROUND = 'Ask the hunters before the harbour is moved';
const DRAFT_LABEL = 'Your note (only you see it until the facilitator reveals)';

describe('private writing: notes stay on their writer’s device until the facilitator reveals them', () => {
  const started = serverAndBrowser();
  let workshop: CreatedWorkshop;
  let anna: JoinedWorkshop;
  let bo: JoinedWorkshop;
  let observer: TestClient;
  /** A second device of Anna's private document: it holds what the server stored of her drafts. */
  let annasPrivate: TestClient;
  let facilitator: Page;
  let annaPage: Page;
  let boPage: Page;
  let firstStep: Step;

  async function open(token: string, options: BrowserContextOptions = {}): Promise<Page> {
    const context = await started.session.newContext(options);
    await installAxe(context);
    // A participant on a phone who chose the full board (the phone view has a drafts box of its own).
    await context.addInitScript((id) => localStorage.setItem(`flet:view:${id}`, 'canvas'), workshop.id);
    const page = await context.newPage();
    await page.goto(`${started.server.url}/w/${workshop.id}#token=${token}`);
    await waitForCanvas(page);
    return page;
  }
  const stepBar = (page: Page) => page.getByRole('region', { name: 'Step and time' });
  const draftsPanel = (page: Page) => page.getByRole('complementary', { name: 'Private notes' });
  /** Everything in the page's copy of the shared document, as text. */
  const sharedDocText = (page: Page) =>
    page.evaluate(() => {
      const doc = window.__fletDoc!;
      const all: Record<string, unknown> = {};
      doc.share.forEach((type, name) => {
        all[name] = type.toJSON();
      });
      return JSON.stringify(all);
    });
  /** What the facilitator's Node client holds of the shared document, as the bytes it would store. */
  const observerBytes = () => Buffer.from(Y.encodeStateAsUpdate(observer.doc)).toString('utf8');
  const noteWith = async (page: Page, text: string): Promise<NoteSeen> =>
    eventually(
      async () => {
        const found = (await notesOn(page)).find((note) => note.text === text);
        expect(found, `${text} on ${page.url()}`).toBeDefined();
        return found!;
      },
      { timeout: 10_000 },
    );
  const writeDraft = async (page: Page, text: string) => {
    const panel = draftsPanel(page);
    await panel.getByLabel(DRAFT_LABEL).fill(text);
    await panel.getByRole('button', { name: 'Add', exact: true }).click();
    await panel.getByText(text, { exact: true }).waitFor();
  };

  beforeAll(async () => {
    workshop = await createWorkshop(started.server, { title: 'Sermersooq vision', language: 'en' });
    anna = await joinWorkshop(started.server, workshop.joinCode, 'citizen', 'Anna');
    bo = await joinWorkshop(started.server, workshop.joinCode, 'politician', 'Bo');
    observer = connectClient(started.server, workshop.id, workshop.facilitatorToken);
    await observer.synced();
    addGathering(observer.doc, { title: 'Nuuk', place: 'Nuuk', date: '2025-03-12' });
    await eventually(() => expect(gatheringsOf(observer.doc)).toHaveLength(1));
    annasPrivate = connectClient(started.server, `${workshop.id}/private`, anna.token);
    await annasPrivate.synced();
  });

  afterAll(async () => {
    annasPrivate?.destroy();
    observer?.destroy();
  });

  it('the facilitator marks a step private in the agenda and makes it current; the agenda and the step bar say it is private', async () => {
    facilitator = await open(workshop.facilitatorToken);
    await stepBar(facilitator).getByRole('button', { name: 'Plan the steps' }).click();
    const agenda = facilitator.getByRole('complementary', { name: 'Agenda' });
    await agenda.getByLabel('Title').last().fill('Quiet writing');
    await agenda.getByLabel('Question for the participants').last().fill('What would you change first?');
    await agenda.getByLabel('Private writing (notes stay private until you reveal them)').check();
    await facilitator.screenshot({ path: '/tmp/private-writing-agenda.png' });
    await agenda.getByRole('button', { name: 'Add step' }).click();
    const item = agenda.getByRole('listitem').filter({ hasText: 'Quiet writing' });
    await item.getByText('Private', { exact: true }).waitFor();
    await item.getByRole('button', { name: /Go to step/ }).click();

    await stepBar(facilitator).getByText('Quiet writing').waitFor();
    await stepBar(facilitator).getByText('Private writing', { exact: true }).waitFor();
    await stepBar(facilitator).getByRole('button', { name: 'Reveal notes' }).waitFor();
    firstStep = await eventually(() => {
      const step = currentStep(observer.doc);
      expect(step?.private).toBe(true);
      return step!;
    });
    expect(firstStep.revealedAt).toBeNull();
  });

  it('two participants write drafts that only they see: not the other participant, not the facilitator, not in any shared document', async () => {
    annaPage = await open(anna.token);
    boPage = await open(bo.token);

    // The drafts box opens by itself, and says who sees what.
    for (const page of [annaPage, boPage]) {
      await draftsPanel(page).getByRole('heading', { name: 'Your private notes' }).waitFor();
      await draftsPanel(page).getByText(/Only you can see them/).waitFor();
      await stepBar(page).getByText('Private writing', { exact: true }).waitFor();
    }
    await writeDraft(annaPage, ANNA_TYPED);
    await draftsPanel(annaPage).getByRole('status').getByText('Your note is saved. Only you can see it.').waitFor();
    await writeDraft(boPage, BO_TYPED);

    // A note Anna starts on the canvas never reaches the board: the drafts box takes her words.
    const area = (await annaPage.locator('.tl-canvas').first().boundingBox())!;
    await annaPage.mouse.click(area.x + area.width / 2, area.y + area.height / 2);
    await annaPage.keyboard.press('n');
    await annaPage.mouse.click(area.x + area.width * 0.4, area.y + area.height * 0.5);
    await draftsPanel(annaPage).getByText(/In this step your notes are private: write them here/).waitFor();
    await eventually(async () => expect(await annaPage.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA'));
    expect(await notesOn(annaPage)).toEqual([]);
    // What she goes on typing lands in the box, and stays hers.
    await annaPage.keyboard.type(ANNA_ON_CANVAS);
    await annaPage.keyboard.press('Control+Enter');
    await draftsPanel(annaPage).getByText(ANNA_ON_CANVAS, { exact: true }).waitFor();
    expect(await notesOn(annaPage)).toEqual([]);
    // A pasted note keeps its words, as a draft.
    await annaPage.evaluate((text) => {
      const editor = window.__fletEditor!;
      editor.createShape({
        type: 'note',
        x: 100,
        y: 100,
        props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } },
      } as never);
    }, ANNA_PASTED);
    await draftsPanel(annaPage).getByText(ANNA_PASTED, { exact: true }).waitFor();
    await draftsPanel(annaPage).getByText('Your note was kept private: it is with your private notes now.').waitFor();
    expect(await notesOn(annaPage)).toEqual([]);
    // A box drawn on the step's frame is not put in it (the room's gate would refuse that), and
    // opens no text box: a label would be for everyone.
    const frame = await annaPage.evaluate((id) => {
      const editor = window.__fletEditor!;
      const bounds = editor.getShapePageBounds(id as never)!;
      const topLeft = editor.pageToScreen({ x: bounds.x, y: bounds.y });
      const bottomRight = editor.pageToScreen({ x: bounds.maxX, y: bounds.maxY });
      return { x: topLeft.x, y: topLeft.y, w: bottomRight.x - topLeft.x, h: bottomRight.y - topLeft.y };
    }, firstStep.frameId);
    await annaPage.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await annaPage.keyboard.press('r');
    await annaPage.mouse.move(frame.x + frame.w * 0.5, frame.y + frame.h * 0.55);
    await annaPage.mouse.down();
    await annaPage.mouse.move(frame.x + frame.w * 0.6, frame.y + frame.h * 0.7, { steps: 5 });
    await annaPage.mouse.up();
    const box = await eventually(async () => {
      const found = await annaPage.evaluate(() => {
        const editor = window.__fletEditor!;
        const shape = editor.getCurrentPageShapes().find((candidate) => candidate.type === 'geo');
        return shape ? { parentId: shape.parentId as string, pageId: editor.getCurrentPageId() as string, writable: editor.canEditShape(shape) } : null;
      });
      expect(found).not.toBeNull();
      return found!;
    });
    expect(box.parentId).toBe(box.pageId);
    expect(box.writable).toBe(false);
    await annaPage.keyboard.press('Enter');
    expect(await annaPage.evaluate(() => window.__fletEditor!.getEditingShapeId())).toBeNull();

    // The server holds both of Anna's drafts (her other device has them)…
    await eventually(() =>
      expect(draftsOf(annasPrivate.doc, firstStep.id).map((draft) => draft.text).sort()).toEqual([ANNA_PASTED, ANNA_TYPED, ANNA_ON_CANVAS].sort()),
    );
    // …and nobody else has a byte of them: not on screen, not in their copy of the shared document.
    for (const [page, others] of [
      [boPage, [ANNA_TYPED, ANNA_PASTED, ANNA_ON_CANVAS]],
      [annaPage, [BO_TYPED]],
      [facilitator, [ANNA_TYPED, ANNA_PASTED, ANNA_ON_CANVAS, BO_TYPED]],
    ] as const) {
      const shared = await sharedDocText(page);
      const screen = await page.locator('body').innerText();
      for (const text of others) {
        expect(shared).not.toContain(text);
        expect(screen).not.toContain(text);
        expect(await page.getByText(text).count()).toBe(0);
      }
    }
    for (const text of [ANNA_TYPED, ANNA_PASTED, ANNA_ON_CANVAS, BO_TYPED]) expect(observerBytes()).not.toContain(text);
    // Anna's own words are hers alone, in her box; her shared document has none of them either.
    const annasShared = await sharedDocText(annaPage);
    for (const text of [ANNA_TYPED, ANNA_PASTED, ANNA_ON_CANVAS]) expect(annasShared).not.toContain(text);

    expect(describeViolations(blocking(await audit(annaPage)))).toEqual([]);
  });

  it('a participant changes and deletes a draft by keyboard', async () => {
    const panel = draftsPanel(annaPage);
    await panel.getByRole('button', { name: `Edit: ${ANNA_PASTED}` }).focus();
    await annaPage.keyboard.press('Enter');
    const field = panel.getByLabel('Change your note');
    await eventually(async () => expect(await field.evaluate((element) => element === document.activeElement)).toBe(true));
    await field.fill(`${ANNA_PASTED}!`);
    await annaPage.keyboard.press('Control+Enter');
    await panel.getByText(`${ANNA_PASTED}!`, { exact: true }).waitFor();
    await eventually(async () => expect(await annaPage.evaluate(() => document.activeElement?.textContent)).toBe('Edit'));
    await panel.getByRole('button', { name: `Delete: ${ANNA_PASTED}!` }).focus();
    await annaPage.keyboard.press('Enter');
    await panel.getByRole('status').getByText('Your note is deleted.').waitFor();
    await eventually(async () => expect(await panel.getByText(`${ANNA_PASTED}!`, { exact: true }).count()).toBe(0));
    await eventually(() => expect(draftsOf(annasPrivate.doc, firstStep.id).map((draft) => draft.text)).toEqual([ANNA_TYPED, ANNA_ON_CANVAS]));
  });

  it('the facilitator reveals: every draft appears on everyone’s canvas in the step’s frame, with its writer', async () => {
    await stepBar(facilitator).getByRole('button', { name: 'Reveal notes' }).click();
    const dialog = facilitator.getByRole('dialog', { name: 'Reveal the notes of Quiet writing?' });
    await dialog.getByText('This cannot be undone.', { exact: false }).waitFor();
    expect(describeViolations(blocking(await audit(facilitator)))).toEqual([]);
    await dialog.getByRole('button', { name: 'Reveal now' }).click();
    await stepBar(facilitator).getByText('3 notes revealed').waitFor();
    await stepBar(facilitator).getByText('Revealed', { exact: true }).waitFor();
    expect(await stepBar(facilitator).getByRole('button', { name: 'Reveal notes' }).count()).toBe(0);

    for (const page of [facilitator, annaPage, boPage]) {
      await noteWith(page, ANNA_ON_CANVAS);
      const annas = await noteWith(page, ANNA_TYPED);
      const bos = await noteWith(page, BO_TYPED);
      expect(annas.pageId).toBe(firstStep.frameId);
      expect(bos.pageId).toBe(firstStep.frameId);
      expect(annas.meta).toMatchObject({ group: 'citizen', participantId: anna.participantId });
      expect(bos.meta).toMatchObject({ group: 'politician', participantId: bo.participantId });
    }
    await facilitator.screenshot({ path: '/tmp/private-writing-revealed.png' });
    await annaPage.screenshot({ path: '/tmp/private-writing-revealed-participant.png' });
    // Anna's box says what happened; her drafts have left her private document.
    await draftsPanel(annaPage).getByText('The facilitator has revealed the notes: they are on the board now.').waitFor();
    expect(await draftsPanel(annaPage).getByLabel(DRAFT_LABEL).count()).toBe(0);
    await eventually(() => expect(draftsOf(annasPrivate.doc, firstStep.id)).toEqual([]));
  });

  it('a reveal without names keeps each note’s group but not its writer', async () => {
    const second = addStep(observer.doc, firstStep.gatheringId, { title: 'Second round', prompt: 'What did we miss?' });
    setStepPrivate(observer.doc, second.id, true);
    setCurrentStep(observer.doc, second.id);
    await stepBar(annaPage).getByText('Second round', { exact: true }).waitFor();
    await draftsPanel(annaPage).getByLabel(DRAFT_LABEL).waitFor();
    await writeDraft(annaPage, SECOND_ROUND);
    await eventually(() => expect(draftsOf(annasPrivate.doc, second.id)).toHaveLength(1));
    expect(await boPage.getByText(SECOND_ROUND).count()).toBe(0);
    expect(await sharedDocText(boPage)).not.toContain(SECOND_ROUND);

    await stepBar(facilitator).getByText('Second round', { exact: true }).waitFor();
    // By keyboard alone: the question opens on Cancel; the choice of names is one step back.
    await stepBar(facilitator).getByRole('button', { name: 'Reveal notes' }).focus();
    await facilitator.keyboard.press('Enter');
    const dialog = facilitator.getByRole('dialog', { name: 'Reveal the notes of Second round?' });
    await dialog.waitFor();
    const focused = () => facilitator.evaluate(() => document.activeElement?.textContent ?? document.activeElement?.getAttribute('type'));
    await eventually(async () => expect(await focused()).toBe('Cancel'));
    await facilitator.keyboard.press('Shift+Tab');
    await facilitator.keyboard.press('Space');
    expect(await dialog.getByLabel('Without names (the notes keep only their group’s colour)').isChecked()).toBe(true);
    await facilitator.keyboard.press('Tab');
    await facilitator.keyboard.press('Tab');
    expect(await focused()).toBe('Reveal now');
    await facilitator.keyboard.press('Enter');
    await stepBar(facilitator).getByText('1 note revealed').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await eventually(async () => expect(await focused()).toBe('1 note revealed'));

    const seenByBo = await noteWith(boPage, SECOND_ROUND);
    expect(seenByBo.pageId).toBe(second.frameId);
    expect(seenByBo.meta.group).toBe('citizen');
    expect(seenByBo.meta.participantId ?? null).toBeNull();
    const firstWriter = await boPage.evaluate(
      (id) => (window.__fletEditor!.getShape(id as never) as unknown as { props: { textFirstEditedBy: string | null } }).props.textFirstEditedBy,
      seenByBo.id,
    );
    expect(firstWriter).toBeNull();
  });

  it('fits a phone and a projector-sized screen', async () => {
    const third = addStep(observer.doc, firstStep.gatheringId, { title: 'Last words', prompt: 'One wish for 2040' });
    setStepPrivate(observer.doc, third.id, true);
    setCurrentStep(observer.doc, third.id);
    const phone = await open(bo.token, { viewport: PHONE, hasTouch: true, isMobile: true });
    const panel = draftsPanel(phone);
    await panel.getByLabel(DRAFT_LABEL).waitFor();
    await writeDraft(phone, 'Light in the winter streets');
    await phone.screenshot({ path: '/tmp/private-writing-phone.png' });
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    expect(describeViolations(blocking(await audit(phone)))).toEqual([]);
    // In Danish and Swedish too, and still one phone wide.
    await phone.getByRole('banner').getByRole('combobox').selectOption('da');
    await phone.getByRole('complementary', { name: 'Private sedler' }).getByLabel('Din seddel (kun du ser den, indtil proceslederen afslører)').waitFor();
    await phone.getByText('Privat skrivning', { exact: true }).waitFor();
    await phone.screenshot({ path: '/tmp/private-writing-phone-da.png' });
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await phone.getByRole('banner').getByRole('combobox').selectOption('sv');
    await phone.getByRole('complementary', { name: 'Privata lappar' }).getByLabel('Din lapp (bara du ser den tills processledaren visar den)').waitFor();
    await phone.getByRole('banner').getByRole('combobox').selectOption('en');

    const big = await open(workshop.facilitatorToken, { viewport: PROJECTOR });
    await stepBar(big).getByRole('button', { name: 'Reveal notes' }).click();
    await big.getByRole('dialog', { name: 'Reveal the notes of Last words?' }).waitFor();
    await big.screenshot({ path: '/tmp/private-writing-reveal-1920.png' });
    expect(await big.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PROJECTOR.width);
    await big.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await annaPage.setViewportSize(PROJECTOR);
    await draftsPanel(annaPage).getByLabel(DRAFT_LABEL).waitFor();
    await annaPage.screenshot({ path: '/tmp/private-writing-drafts-1920.png' });
  });
});
