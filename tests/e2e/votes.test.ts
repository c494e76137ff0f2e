import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addGathering, gatheringsOf, type Gathering } from '../../shared/domain/gatherings';
import type { Group } from '../../shared/domain/groups';
import { addStep, setCurrentStep, type Step } from '../../shared/domain/steps';
import { ballotOf, votesOf } from '../../shared/domain/votes';
import { recordsOf } from '../../shared/schema';
import { createWorkshop, joinWorkshop, type CreatedWorkshop, type JoinedWorkshop } from '../helpers/api';
import { noteRecord } from '../helpers/board';
import { eventually } from '../helpers/eventually';
import { serverOutput } from '../helpers/server';
import { connectClient, type TestClient } from '../helpers/yjsClient';
import { audit, blocking, describeViolations, installAxe } from './axe';
import { waitForCanvas } from './boardPage';
import { serverAndBrowser } from './browser';

const PHONE = { width: 390, height: 844 };
const PROJECTOR = { width: 1920, height: 1080 };
const TITLE = 'What should we start with?';
const BOATS = 'Boats for young hunters';
const COUNCIL = 'A youth council';
const INTERNET = 'Better internet in the settlements';
const HARBOUR = 'A new harbour in Qoornoq';
const HIDDEN = 'A note the facilitator hid';

describe('dot votes: opened by the facilitator, cast privately, revealed by group on the projector', () => {
  const started = serverAndBrowser();
  let workshop: CreatedWorkshop;
  let observer: TestClient;
  let nuuk: Gathering;
  let step: Step;
  const people: Record<'anna' | 'bo' | 'carl', JoinedWorkshop> = {} as never;
  const pages: Record<'anna' | 'bo' | 'carl', Page> = {} as never;
  let facilitator: Page;
  let projector: Page;

  async function open(url: string, options: BrowserContextOptions = {}): Promise<Page> {
    const context = await started.session.newContext(options);
    await installAxe(context);
    const page = await context.newPage();
    await page.goto(url);
    await waitForCanvas(page);
    return page;
  }
  const board = (token: string) => `${started.server.url}/w/${workshop.id}#token=${token}`;
  const votesPanel = (page: Page) => page.getByRole('complementary', { name: 'Votes' });

  /** A note in the step's frame, written by the facilitator's client in someone's group. */
  function writeNote(doc: Y.Doc, id: string, text: string, author: { participantId: string | null; group: Group }, x: number): string {
    const record = noteRecord(id, text, { participantId: author.participantId ?? '', group: author.group }, x, 60);
    record.parentId = step.frameId;
    record.meta = { group: author.group, participantId: author.participantId, gatheringId: nuuk.id, ...(text === HIDDEN ? { hidden: true } : {}) };
    doc.transact(() => {
      const fields = new Y.Map<unknown>();
      recordsOf(doc).set(id, fields);
      for (const [key, value] of Object.entries(record)) fields.set(key, value);
    });
    return id;
  }

  beforeAll(async () => {
    workshop = await createWorkshop(started.server, { title: 'Sermersooq vision', language: 'en' });
    observer = connectClient(started.server, workshop.id, workshop.facilitatorToken);
    await observer.synced();
    addGathering(observer.doc, { title: 'Nuuk', place: 'Nuuk', date: '2025-03-12' });
    [nuuk] = gatheringsOf(observer.doc);
    step = addStep(observer.doc, nuuk.id, { title: 'Choose what matters', prompt: 'Which ideas should we take further?' });
    setCurrentStep(observer.doc, step.id);
    people.anna = await joinWorkshop(started.server, workshop.joinCode, 'citizen', 'Anna');
    people.bo = await joinWorkshop(started.server, workshop.joinCode, 'citizen', 'Bo');
    people.carl = await joinWorkshop(started.server, workshop.joinCode, 'politician', 'Carl');
    writeNote(observer.doc, 'shape:boats', BOATS, { participantId: people.anna.participantId, group: 'citizen' }, 40);
    writeNote(observer.doc, 'shape:council', COUNCIL, { participantId: people.carl.participantId, group: 'politician' }, 280);
    writeNote(observer.doc, 'shape:internet', INTERNET, { participantId: people.bo.participantId, group: 'citizen' }, 520);
    writeNote(observer.doc, 'shape:harbour', HARBOUR, { participantId: null, group: 'employee' }, 760);
    writeNote(observer.doc, 'shape:hidden', HIDDEN, { participantId: null, group: 'employee' }, 1000);
    await eventually(() => expect(recordsOf(observer.doc).get('shape:hidden')).toBeDefined());
  });

  afterAll(async () => {
    observer?.destroy();
  });

  it("the facilitator opens a vote with 3 dots on the current step's visible notes", async () => {
    facilitator = await open(board(workshop.facilitatorToken));
    await facilitator.getByRole('button', { name: 'Votes' }).click();
    const panel = votesPanel(facilitator);
    await panel.getByText('There are no votes yet.').waitFor();
    await panel.getByLabel('The notes of the current step (Choose what matters): 4').check();
    await panel.getByLabel('Title').fill(TITLE);
    expect(await panel.getByLabel('Dots per person (1–20)').inputValue()).toBe('3');
    // A budget outside 1–20 is refused in words.
    await panel.getByLabel('Dots per person (1–20)').fill('25');
    await panel.getByRole('button', { name: 'Open the vote' }).click();
    await panel.getByText('Give a whole number from 1 to 20.').waitFor();
    await panel.getByLabel('Dots per person (1–20)').fill('3');
    await panel.getByLabel('Several dots may go on one note').check();
    await panel.getByRole('button', { name: 'Open the vote' }).click();
    await panel.getByText(`The vote ${TITLE} is open and shown to the room.`).waitFor();
    await panel.getByRole('heading', { name: TITLE }).waitFor();
    expect(await panel.getByText('Open · 4 notes · 3 dots each · several dots may go on one note · Shown to the room').count()).toBe(1);

    await eventually(() => expect(votesOf(observer.doc)).toHaveLength(1));
    const [vote] = votesOf(observer.doc);
    // The hidden note is not in the vote.
    expect(vote.noteIds).toEqual(['shape:boats', 'shape:council', 'shape:internet', 'shape:harbour']);
    expect([vote.budget, vote.several, vote.state]).toEqual([3, true, 'open']);
    expect(describeViolations(blocking(await audit(facilitator)))).toEqual([]);
    await facilitator.screenshot({ path: '/tmp/votes-facilitator-open.png' });
  });

  it('three participants in two groups give their dots; a fourth dot is refused in words', async () => {
    for (const name of ['anna', 'bo', 'carl'] as const) pages[name] = await open(board(people[name].token));
    const [vote] = votesOf(observer.doc);

    /** Clicks "add a dot" on a note's row, `times` times, waiting for each to count. */
    const give = async (page: Page, note: string, times: number): Promise<void> => {
      const add = votesPanel(page).getByRole('button', { name: `Add a dot to ${note}` });
      for (let index = 0; index < times; index++) await add.click();
    };
    const left = (page: Page) => votesPanel(page).getByText(/of 3 dots left/);

    // Anna comes in through the banner under the step bar.
    const anna = pages.anna;
    await anna.getByText(`A vote is open: ${TITLE}`).waitFor();
    await anna.getByRole('button', { name: 'Vote now' }).click();
    await votesPanel(anna).getByRole('heading', { name: `Your vote: ${TITLE}` }).waitFor();
    expect(await left(anna).textContent()).toBe('3 of 3 dots left');
    // The hidden note is not on the ballot.
    expect(await votesPanel(anna).getByText(HIDDEN).count()).toBe(0);
    await give(anna, BOATS, 2);
    await give(anna, INTERNET, 1);
    await eventually(async () => expect(await left(anna).textContent()).toBe('0 of 3 dots left'));
    await give(anna, HARBOUR, 1);
    await votesPanel(anna).getByText('You have no dots left. Take a dot back from another note first.').waitFor();
    expect(await left(anna).textContent()).toBe('0 of 3 dots left');
    // Taken back and given again.
    await votesPanel(anna).getByRole('button', { name: `Remove a dot from ${INTERNET}` }).click();
    await eventually(async () => expect(await left(anna).textContent()).toBe('1 of 3 dots left'));
    await give(anna, INTERNET, 1);
    expect(describeViolations(blocking(await audit(anna)))).toEqual([]);
    await anna.setViewportSize(PHONE);
    await votesPanel(anna).getByRole('heading', { name: `Your vote: ${TITLE}` }).scrollIntoViewIfNeeded();
    expect(describeViolations(blocking(await audit(anna)))).toEqual([]);
    await anna.screenshot({ path: '/tmp/votes-ballot-390.png' });
    await anna.setViewportSize({ width: 1280, height: 800 });

    // Bo votes with the keyboard alone.
    const bo = pages.bo;
    await bo.getByRole('button', { name: 'Votes' }).click();
    const boAdd = (note: string) => votesPanel(bo).getByRole('button', { name: `Add a dot to ${note}` });
    await boAdd(BOATS).focus();
    await bo.keyboard.press('Enter');
    await boAdd(COUNCIL).focus();
    await bo.keyboard.press('Enter');
    await bo.keyboard.press('Space');
    await eventually(async () => expect(await left(bo).textContent()).toBe('0 of 3 dots left'));

    const carl = pages.carl;
    await carl.getByRole('button', { name: 'Vote now' }).click();
    await give(carl, HARBOUR, 1);
    await give(carl, COUNCIL, 2);
    await eventually(async () => expect(await left(carl).textContent()).toBe('0 of 3 dots left'));

    // Each ballot is on the server, in that person's own private document only.
    for (const [name, expected] of [
      ['anna', { 'shape:boats': 2, 'shape:internet': 1 }],
      ['bo', { 'shape:boats': 1, 'shape:council': 2 }],
      ['carl', { 'shape:harbour': 1, 'shape:council': 2 }],
    ] as const) {
      const mine = connectClient(started.server, `${workshop.id}/private`, people[name].token);
      try {
        await eventually(() =>
          expect(Object.fromEntries(ballotOf(mine.doc, vote.id).map((entry) => [entry.noteId, entry.dots]))).toEqual(expected),
        );
      } catch (error) {
        console.log(serverOutput(started.server).split('\n').filter((line) => /refus|private|warn/i.test(line)).slice(-20).join('\n'));
        throw error;
      } finally {
        mine.destroy();
      }
    }
    // The shared document holds no ballot.
    expect(JSON.stringify(observer.doc.toJSON())).not.toContain('"dots"');
  });

  it('the facilitator closes and reveals it; the projector shows the result by group, and the dots on the notes', async () => {
    projector = await open(`${started.server.url}/p/${workshop.id}#token=${workshop.projectorToken}`, { viewport: PROJECTOR });
    await projector.getByText(`Vote: ${TITLE}`).waitFor();

    const panel = votesPanel(facilitator);
    const focused = () => facilitator.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent);
    // By keyboard: the focus goes from each button to what takes its place.
    await panel.getByRole('button', { name: `Close the vote: ${TITLE}` }).focus();
    await facilitator.keyboard.press('Enter');
    await panel.getByText(/^Closed · 4 notes/).waitFor();
    await eventually(async () => expect(await focused()).toBe(`Reveal the result: ${TITLE}`));
    // A closed vote takes no more dots, and says so.
    await votesPanel(pages.anna).getByText('The vote is closed: your dots count as they are.').waitFor();

    await facilitator.keyboard.press('Enter');
    const results = panel.getByRole('region', { name: `Result: ${TITLE}` });
    await results.waitFor();
    await eventually(async () => expect(await focused()).toBe(`Result: ${TITLE}`));
    expect(await results.getByText('3 people voted').count()).toBe(1);

    const onProjector = projector.getByRole('region', { name: `Result: ${TITLE}` });
    await onProjector.waitFor();
    expect(await onProjector.locator('.vote-results-voters').textContent()).toBe('3 people voted: Politician 1, Citizen 2');
    const rows = onProjector.getByRole('listitem').filter({ has: projector.locator('.vote-result-head') });
    const texts = await rows.allTextContents();
    expect(texts).toHaveLength(4);
    // Sorted by total; per group side by side, every number in words.
    expect(texts[0]).toContain(COUNCIL);
    expect(texts[0]).toContain('4 dots in all');
    expect(texts[0]).toContain('Citizen: 2 dots');
    expect(texts[0]).toContain('Politician: 2 dots');
    expect(texts[1]).toContain(BOATS);
    expect(texts[1]).toContain('Citizen: 3 dots');
    expect(texts[1]).toContain('Politician: 0 dots');
    expect(texts[2]).toContain(INTERNET);
    expect(texts[2]).toContain('Citizen: 1 dot');
    expect(texts[3]).toContain(HARBOUR);
    expect(texts[3]).toContain('Politician: 1 dot');

    // The heading reads from the back of the room.
    const size = await onProjector.getByRole('heading').evaluate((node) => parseFloat(getComputedStyle(node).fontSize));
    expect(size).toBeGreaterThanOrEqual(36);
    // And the dots sit on the notes of the board.
    await eventually(async () => expect(await projector.locator('[data-testid="vote-dots"] [data-note-id="shape:council"]').getAttribute('data-total')).toBe('4'));
    expect(describeViolations(blocking(await audit(projector)))).toEqual([]);
    await projector.screenshot({ path: '/tmp/votes-projector-1920.png' });

    // Participants read the same result in their panel.
    await votesPanel(pages.bo).getByRole('region', { name: `Result: ${TITLE}` }).waitFor();
    const anna = pages.anna;
    await anna.setViewportSize(PHONE);
    await votesPanel(anna).getByRole('region', { name: `Result: ${TITLE}` }).waitFor();
    expect(describeViolations(blocking(await audit(anna)))).toEqual([]);
    await anna.screenshot({ path: '/tmp/votes-panel-390.png' });
    await facilitator.screenshot({ path: '/tmp/votes-facilitator-laptop.png' });
  });
});
