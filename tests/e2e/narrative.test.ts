import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addGathering } from '../../shared/domain/gatherings';
import type { Group } from '../../shared/domain/groups';
import { FACILITATOR } from '../../shared/domain/identity';
import { threadOf, startThread } from '../../shared/domain/threads';
import { passagesOf, reviewTrayOf, sectionsOf, weaveRecordsOf } from '../../shared/domain/narrative';
import { recordsOf } from '../../shared/schema';
import { createWorkshop, joinWorkshop, type CreatedWorkshop, type JoinedWorkshop } from '../helpers/api';
import { addGatheringNote } from '../helpers/board';
import { eventually } from '../helpers/eventually';
import { connectClient, type TestClient } from '../helpers/yjsClient';
import { audit, blocking, describeViolations, installAxe } from './axe';
import { waitForCanvas } from './boardPage';
import { screenshot, serverAndBrowser } from './browser';

const THREAD = 'Boats all year';

/** A participant's note at a gathering, written by the participant's own client. */
function writeNote(client: TestClient, id: string, text: string, participant: JoinedWorkshop, group: Group, gathering: { id: string; pageId: string }): void {
  addGatheringNote(client.doc, id, text, { participantId: participant.participantId, group }, gathering);
}

describe('the narrative in the browser', () => {
  const started = serverAndBrowser();
  const socketsClosed = new Map<Page, number>();

  async function open(workshop: CreatedWorkshop, token: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
    const context = await started.session.newContext({ viewport });
    await installAxe(context);
    const page = await context.newPage();
    socketsClosed.set(page, 0);
    page.on('websocket', (ws) => ws.on('close', () => socketsClosed.set(page, (socketsClosed.get(page) ?? 0) + 1)));
    await page.goto(`${started.server.url}/w/${workshop.id}#token=${token}`);
    await waitForCanvas(page);
    await page.getByRole('button', { name: 'Narrative', exact: true }).click();
    await page.locator('.narrative-text').waitFor({ timeout: 15_000 });
    return page;
  }

  /** The narrative's text as a page shows it, without its margins. */
  const textOn = (page: Page): Promise<string> =>
    page.evaluate(() => {
      const root = document.querySelector('.narrative-text')!.cloneNode(true) as HTMLElement;
      for (const margin of root.querySelectorAll('.narrative-margin, .narrative-cursor')) margin.remove();
      return [...root.querySelectorAll('h2, p')].map((block) => block.textContent).join('\n');
    });


  it('the facilitator names an editor and weaves a thread; editor and facilitator type into the passage at once and both keep one text with its source links; a reader cannot type', async () => {
    const workshop = await createWorkshop(started.server, { title: 'Vision 2030', language: 'en' });
    const anna = await joinWorkshop(started.server, workshop.joinCode, 'citizen', 'Anna');
    const bo = await joinWorkshop(started.server, workshop.joinCode, 'politician', 'Bo');

    // The process so far: two gatherings, notes from each, one thread through them.
    const facilitator = connectClient(started.server, workshop.id, workshop.facilitatorToken);
    await facilitator.synced();
    const nuuk = addGathering(facilitator.doc, { title: 'Nuuk, 12 March', place: 'Nuuk' });
    const tasiilaq = addGathering(facilitator.doc, { title: 'Tasiilaq, 16 March', place: 'Tasiilaq' });
    const annaClient = connectClient(started.server, workshop.id, anna.token);
    const boClient = connectClient(started.server, workshop.id, bo.token);
    await annaClient.synced();
    await boClient.synced();
    await eventually(() => expect(annaClient.doc.getMap('gatherings').size).toBe(2));
    await eventually(() => expect(boClient.doc.getMap('gatherings').size).toBe(2));
    writeNote(annaClient, 'shape:annaboat', 'The boat is our road in winter', anna, 'citizen', nuuk);
    writeNote(annaClient, 'shape:annaschool', 'Children travel far to school', anna, 'citizen', nuuk);
    writeNote(boClient, 'shape:boice', 'Sea ice closes the fjord in March', bo, 'politician', tasiilaq);
    await eventually(() => expect(recordsOf(facilitator.doc).has('shape:boice') && recordsOf(facilitator.doc).has('shape:annaschool')).toBe(true));
    const threadId = startThread(facilitator.doc, FACILITATOR, {
      title: THREAD,
      purpose: 'Keep the coast connected',
      noteIds: ['shape:annaboat', 'shape:boice', 'shape:annaschool'],
    });

    const lead = await open(workshop, workshop.facilitatorToken);
    const annaPage = await open(workshop, anna.token);
    const boPage = await open(workshop, bo.token);

    // The facilitator's first look starts the narrative with a section; Anna and Bo read it.
    await eventually(async () => expect(await textOn(lead)).toContain('Our shared narrative'));
    await eventually(async () => expect(await textOn(boPage)).toContain('Our shared narrative'));
    expect(await annaPage.getByText(/^You are reading\./).count()).toBe(1);

    // The facilitator makes Anna an editor; her view becomes editable while she looks.
    await lead.getByRole('checkbox', { name: /Anna/ }).check();
    await eventually(async () => expect(await annaPage.getByText(/^You can edit the narrative\./).count()).toBe(1));
    await annaPage.getByRole('textbox', { name: 'Narrative text' }).waitFor();
    expect(await boPage.getByRole('textbox', { name: 'Narrative text' }).count()).toBe(0);

    // The facilitator weaves the thread into the section.
    await lead.getByRole('button', { name: 'Weave a thread…' }).click();
    const dialog = lead.getByRole('dialog', { name: 'Weave a thread into the narrative' });
    await dialog.getByLabel('Thread').selectOption({ label: `${THREAD} (idea)` });
    await dialog.getByLabel('Into section (at its end)').selectOption({ label: 'Our shared narrative' });
    await eventually(async () => expect(await dialog.getByText('The passage will quote 3 notes:').count()).toBe(1));
    await dialog.getByRole('button', { name: 'Weave', exact: true }).click();
    await eventually(async () => expect(await lead.getByRole('dialog').count()).toBe(0));

    // Everyone sees the passage, and its margin names the thread and each note's group and place.
    for (const page of [lead, annaPage, boPage]) {
      await eventually(async () => expect(await textOn(page)).toContain('“Sea ice closes the fjord in March” (Politician, Tasiilaq)'));
      const margin = page.locator('.narrative-margin').first();
      expect(await margin.getByRole('button', { name: THREAD }).count()).toBe(1);
      const sources = await margin.locator('.narrative-source-button').allInnerTexts();
      expect(sources.map((text) => text.replace(/\s+/g, ' ').trim())).toEqual([
        'Show on the board: The boat is our road in winter Citizen Nuuk',
        'Show on the board: Sea ice closes the fjord in March Politician Tasiilaq',
        'Show on the board: Children travel far to school Citizen Nuuk',
      ]);
    }
    await eventually(() => expect(threadOf(facilitator.doc, threadId)?.status).toBe('woven'));
    const [passageId] = [...weaveRecordsOf(facilitator.doc).keys()];
    expect(weaveRecordsOf(facilitator.doc).get(passageId)?.noteIds).toEqual(['shape:annaboat', 'shape:boice', 'shape:annaschool']);

    // Anna and the facilitator type into the passage's first paragraph at the same time: she
    // at its end, the facilitator at its start.
    const title = (page: Page) => page.locator('.narrative-passage-text p').first();
    /** Puts the caret at the start or the end of the passage's first paragraph. */
    const caretIn = async (page: Page, atEnd: boolean): Promise<void> => {
      await title(page).click();
      await page.evaluate((end) => {
        const range = document.createRange();
        range.selectNodeContents(document.querySelector('.narrative-passage-text p')!);
        range.collapse(!end);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
      }, atEnd);
    };
    await caretIn(annaPage, true);
    await caretIn(lead, false);
    await Promise.all([lead.keyboard.type('Together: ', { delay: 20 }), annaPage.keyboard.type(' on the coast', { delay: 20 })]);
    const merged = await eventually(async () => {
      const seen = await Promise.all([lead, annaPage, boPage].map(textOn));
      expect(seen[0]).toContain('Together: Boats all year: Keep the coast connected on the coast\n');
      expect(seen[1]).toBe(seen[0]);
      expect(seen[2]).toBe(seen[0]);
      return seen[0];
    });
    // Both people's cursors were in the same line: each sees the other's, named.
    await eventually(async () => expect(await annaPage.locator('.narrative-cursor-label').allInnerTexts()).toContain('Facilitator'));
    await screenshot(annaPage, 'narrative-laptop-editor');

    // The source links are intact, in the text and in the document.
    for (const page of [lead, annaPage]) expect(await page.locator('.narrative-passage .narrative-source').count()).toBe(3);
    await eventually(() => expect(passagesOf(facilitator.doc)[0]?.noteIds).toEqual(['shape:annaboat', 'shape:boice', 'shape:annaschool']));
    expect(reviewTrayOf(facilitator.doc)).toEqual([]);

    // Bo reads: clicking and typing change nothing, and nothing of his is refused.
    await boPage.locator('.narrative-passage-text p').first().click();
    await boPage.keyboard.type('Bo was here');
    await boPage.keyboard.press('Enter');
    expect(await textOn(boPage)).toBe(merged);
    expect(await textOn(lead)).toBe(merged);
    expect(await textOn(lead)).not.toContain('Bo was here');
    expect(await boPage.locator('.narrative-text').getAttribute('contenteditable')).toBe('false');
    expect(await boPage.getByRole('toolbar').count()).toBe(0);

    // Anna deletes a quote: its link goes to the review tray, and she puts it back.
    await annaPage.evaluate(() => {
      const quoted = [...document.querySelectorAll('.narrative-passage-text .narrative-source')].find((element) => element.textContent?.includes('Sea ice'))!;
      const range = document.createRange();
      range.selectNodeContents(quoted);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await annaPage.keyboard.press('Backspace');
    const tray = (page: Page) => page.getByRole('region', { name: 'To review: deleted quotes' });
    await eventually(async () => expect(await tray(lead).getByText('Sea ice closes the fjord in March').count()).toBe(1));
    expect(await lead.locator('.narrative-margin').first().locator('.narrative-source-button').count()).toBe(2);
    await tray(annaPage).getByRole('button', { name: 'Put back' }).click();
    await eventually(async () => expect(await tray(lead).getByText('Every woven quote is still in the text.').count()).toBe(1));
    await eventually(async () => expect(await lead.locator('.narrative-margin').first().locator('.narrative-source-button').count()).toBe(3));
    expect(reviewTrayOf(facilitator.doc)).toEqual([]);
    expect(await textOn(lead)).toBe(merged);

    // A passage woven from a thread without notes is flagged, in words; weaving works by keyboard.
    startThread(facilitator.doc, FACILITATOR, { title: 'A harbour school', purpose: 'Teach at sea' });
    await lead.getByRole('button', { name: 'Weave a thread…' }).focus();
    await lead.keyboard.press('Enter');
    const weaveDialog = lead.getByRole('dialog', { name: 'Weave a thread into the narrative' });
    await weaveDialog.getByLabel('Thread').selectOption({ label: 'A harbour school (idea)' });
    await eventually(async () => expect(await weaveDialog.getByText(/no source/).count()).toBe(1));
    expect(describeViolations(blocking(await audit(lead)))).toEqual([]);
    await screenshot(lead, 'narrative-laptop-weave-dialog');
    await lead.keyboard.press('Tab');
    await lead.keyboard.press('Tab');
    expect(await lead.evaluate(() => document.activeElement?.textContent)).toBe('Weave');
    await lead.keyboard.press('Enter');
    await eventually(async () => expect(await boPage.getByText('No source: this passage quotes no note.').count()).toBe(1));
    expect(await lead.getByRole('button', { name: 'Weave a thread…' }).evaluate((button) => button === document.activeElement)).toBe(true);

    // The facilitator starts a second section after the passages: Enter twice leaves a passage.
    await lead.getByRole('textbox', { name: 'Narrative text' }).focus();
    await lead.keyboard.press('Control+End');
    await lead.keyboard.press('Enter');
    await lead.keyboard.press('Enter');
    await lead.keyboard.type('Working together');
    await lead.getByRole('button', { name: 'Section heading' }).click();
    await eventually(() => expect(sectionsOf(facilitator.doc).map((section) => section.heading)).toEqual(['Our shared narrative', 'Working together']));
    const [first, second] = sectionsOf(facilitator.doc);
    expect(first.id).not.toBe(second.id);
    expect(first.passageIds).toHaveLength(2);
    expect(await lead.getByRole('button', { name: 'Section heading' }).getAttribute('aria-pressed')).toBe('true');

    // The facilitator takes Anna's right back: her view turns read-only while she looks.
    await lead.getByRole('checkbox', { name: /Anna/ }).uncheck();
    await eventually(async () => expect(await annaPage.getByText(/^You are reading\./).count()).toBe(1));
    await annaPage.locator('.narrative-passage-text p').first().click();
    await annaPage.keyboard.type('Anna again');
    expect(await textOn(lead)).not.toContain('Anna again');

    // No one was refused anything.
    for (const page of [lead, annaPage, boPage]) expect(socketsClosed.get(page)).toBe(0);
    expect(started.session.requests.errors).toEqual([]);

    // axe: nothing serious or critical, for an editor, the facilitator and a reader.
    for (const page of [annaPage, lead, boPage]) {
      const found = blocking(await audit(page));
      expect(describeViolations(found)).toEqual([]);
    }

    await lead.locator('.narrative').evaluate((view) => view.scrollTo(0, 0));
    await screenshot(lead, 'narrative-laptop-facilitator');
    await lead.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(lead, 'narrative-projector-facilitator');
    // On phones, in Danish and Swedish.
    await boPage.setViewportSize({ width: 390, height: 844 });
    await boPage.getByLabel('Language').selectOption('da');
    await boPage.getByRole('heading', { name: 'Grundfortælling' }).waitFor();
    expect(await boPage.getByRole('group', { name: 'Passagens kilder' }).count()).toBe(2);
    await screenshot(boPage, 'narrative-phone-reader-da');
    expect(describeViolations(blocking(await audit(boPage)))).toEqual([]);
    await annaPage.setViewportSize({ width: 390, height: 844 });
    await annaPage.getByLabel('Language').selectOption('sv');
    await annaPage.getByRole('heading', { name: 'Berättelsen' }).waitFor();
    await annaPage.locator('.narrative-passage').first().scrollIntoViewIfNeeded();
    await screenshot(annaPage, 'narrative-phone-reader-sv');
    expect(describeViolations(blocking(await audit(annaPage)))).toEqual([]);
    await lead.locator('.narrative-side').scrollIntoViewIfNeeded();
    await screenshot(lead, 'narrative-projector-facilitator-side');

    // A source in the margin shows its note on the canvas.
    await lead.setViewportSize({ width: 1280, height: 800 });
    await lead.getByRole('button', { name: 'Show on the board: The boat is our road in winter Citizen Nuuk' }).first().click();
    await eventually(async () => expect(await lead.evaluate(() => window.__fletEditor!.getSelectedShapeIds())).toEqual(['shape:annaboat']));
    expect(await lead.getByTestId('canvas').first().isVisible()).toBe(true);

    for (const client of [facilitator, annaClient, boClient]) client.destroy();
  });
});
