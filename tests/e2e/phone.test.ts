import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addGathering, gatheringsOf } from '../../shared/domain/gatherings';
import { GROUP_STYLES } from '../../shared/domain/groups';
import { newNoteInFrame } from '../../shared/domain/noteRecords';
import { processNotesOf } from '../../shared/domain/notes';
import { addStep, setCurrentStep, setStepPrivate, type Step } from '../../shared/domain/steps';
import { closeVote, openVote, voteOf } from '../../shared/domain/votes';
import { createWorkshop, joinWorkshop, type CreatedWorkshop } from '../helpers/api';
import { eventually } from '../helpers/eventually';
import { connectClient, type TestClient } from '../helpers/yjsClient';
import { notesOn, waitForCanvas } from './boardPage';
import { serverAndBrowser } from './browser';

const PHONE = { width: 390, height: 844 };
const PROJECTOR = { width: 1920, height: 1080 };
const FIRST_PROMPT = 'What is special about this place?';
const SECOND_PROMPT = 'Where should Nuuk be in 2040?';
/** The canvas (tldraw) is the board page's chunk, as vite names it. */
const CANVAS_CHUNK = /\/assets\/BoardPage-[^/]+\.js$/;

describe('the phone view: a participant writes without the canvas', () => {
  const started = serverAndBrowser();
  let workshop: CreatedWorkshop;
  let observer: TestClient;
  let facilitator: Page;
  let phoneContext: BrowserContext;
  let phone: Page;
  let first: Step;
  let second: Step;
  const phoneRequests: string[] = [];

  beforeAll(async () => {
    workshop = await createWorkshop(started.server, { title: 'Sermersooq vision', language: 'en' });
    observer = connectClient(started.server, workshop.id, workshop.facilitatorToken);
    await observer.synced();
    const gathering = addGathering(observer.doc, { title: 'Nuuk', place: 'Nuuk', date: '2025-03-12' });
    first = addStep(observer.doc, gathering.id, { title: 'This place', prompt: FIRST_PROMPT, durationSec: 300 });
    second = addStep(observer.doc, gathering.id, { title: 'The future', prompt: SECOND_PROMPT, durationSec: 600 });
    setCurrentStep(observer.doc, first.id);
    await eventually(() => expect(gatheringsOf(observer.doc)).toHaveLength(1));

    const laptop = await started.session.newContext();
    facilitator = await laptop.newPage();
    await facilitator.goto(`${started.server.url}/w/${workshop.id}#token=${workshop.facilitatorToken}`);
    await waitForCanvas(facilitator);
  });

  afterAll(async () => {
    observer?.destroy();
  });

  const live = () => phone.locator('.phone-told');
  const noteOnCanvas = async (text: string) => (await notesOn(facilitator)).find((note) => note.text === text);

  it('a phone that scans the QR code joins and gets the simple view, without the canvas code', async () => {
    phoneContext = await started.session.newContext({ viewport: PHONE, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    phoneContext.on('request', (request) => phoneRequests.push(request.url()));
    phone = await phoneContext.newPage();
    await phone.goto(`${started.server.url}/join/${workshop.joinCode}`);
    await phone.getByLabel('Your name (optional)').fill('Aviaja');
    await phone.getByLabel('Citizen').check();
    await phone.getByRole('button', { name: 'Join the board' }).click();
    await phone.waitForURL(/\/w\//);

    await phone.getByRole('heading', { level: 1, name: 'Sermersooq vision' }).waitFor();
    await phone.getByRole('heading', { level: 2, name: 'This place' }).waitFor();
    await phone.getByText('Step 1 of 2').waitFor();
    await phone.getByText('Gathering: Nuuk').waitFor();
    expect(await phone.getByTestId('step-prompt').textContent()).toContain(FIRST_PROMPT);
    expect(await phone.getByRole('timer', { name: 'Time left' }).textContent()).toBe('5:00');
    await phone.getByText('You: Aviaja').waitFor();
    await eventually(async () => expect(await phone.getByRole('status').first().textContent()).toBe('Connected'));
    expect(phoneRequests.filter((url) => CANVAS_CHUNK.test(url))).toEqual([]);
    expect(await phone.locator('.tl-canvas').count()).toBe(0);
  });

  it('a note written on the phone lands in the current step\'s frame on the facilitator\'s canvas, in the group\'s colour', async () => {
    await phone.getByLabel('Your note').fill('The light over the fjord');
    await phone.getByRole('button', { name: 'Add note' }).click();
    await eventually(async () => expect(await live().textContent()).toBe('Your note is on the board.'));
    // The box is empty and keeps the focus for the next note.
    expect(await phone.getByLabel('Your note').inputValue()).toBe('');
    expect(await phone.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');

    const seen = await eventually(async () => {
      const note = await noteOnCanvas('The light over the fjord');
      expect(note).toBeDefined();
      return note!;
    });
    expect(seen.pageId).toBe(first.frameId);
    expect(seen.color).toBe(GROUP_STYLES.citizen.canvasColor);
    expect(seen.meta.group).toBe('citizen');
    expect(typeof seen.meta.participantId).toBe('string');
    // Inside the frame's bounds, as the facilitator's editor places it.
    const inside = await facilitator.evaluate(
      ({ noteId, frameId }) => {
        const editor = window.__fletEditor!;
        const note = editor.getShapePageBounds(noteId as never)!;
        const frame = editor.getShapePageBounds(frameId as never)!;
        return note.minX >= frame.minX && note.maxX <= frame.maxX && note.minY >= frame.minY && note.maxY <= frame.maxY;
      },
      { noteId: seen.id, frameId: first.frameId! },
    );
    expect(inside).toBe(true);
    // On the facilitator's screen, as text.
    await facilitator.evaluate((frameId) => {
      const editor = window.__fletEditor!;
      editor.zoomToBounds(editor.getShapePageBounds(frameId as never)!);
    }, first.frameId!);
    await facilitator.locator('.tl-canvas').getByText('The light over the fjord').waitFor();

    const myNotes = phone.getByRole('region', { name: 'My notes' });
    await myNotes.getByText('The light over the fjord').waitFor();
    await myNotes.getByText('In the step This place').waitFor();
  });

  it('edits and deletes the person\'s own notes, for everyone', async () => {
    await phone.getByLabel('Your note').fill('Too much traffic in the centre');
    await phone.getByRole('button', { name: 'Add note' }).click();
    await eventually(async () => expect(await noteOnCanvas('Too much traffic in the centre')).toBeDefined());

    await phone.getByRole('button', { name: 'Edit note: The light over the fjord' }).click();
    const box = phone.getByLabel('Change your note');
    await eventually(async () => expect(await phone.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA'));
    await box.fill('The light over the fjord in March');
    await phone.getByRole('button', { name: 'Save' }).click();
    await eventually(async () => expect(await noteOnCanvas('The light over the fjord in March')).toBeDefined());
    await eventually(async () => expect(await live().textContent()).toBe('Your note is changed.'));
    // Focus is back on the note's own Edit button.
    await eventually(async () =>
      expect(await phone.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Edit note: The light over the fjord in March'),
    );

    await phone.getByRole('button', { name: 'Delete note: Too much traffic in the centre' }).click();
    await phone.getByText('Delete this note for everyone?').waitFor();
    await phone.getByRole('button', { name: 'Yes, delete' }).click();
    await eventually(async () => expect(await noteOnCanvas('Too much traffic in the centre')).toBeUndefined());
    await eventually(async () => expect(await live().textContent()).toBe('Your note is deleted.'));
    expect(await phone.getByRole('region', { name: 'My notes' }).getByRole('listitem').count()).toBe(1);
  });

  it('follows the facilitator to the next step and says so', async () => {
    setCurrentStep(observer.doc, second.id);
    await phone.getByRole('heading', { level: 2, name: 'The future' }).waitFor();
    await phone.getByText('Step 2 of 2').waitFor();
    expect(await phone.getByTestId('step-prompt').textContent()).toContain(SECOND_PROMPT);
    await eventually(async () => expect(await live().textContent()).toBe('New step: The future'));

    await phone.getByLabel('Your note').fill('A harbour for everyone');
    await phone.getByRole('button', { name: 'Add note' }).click();
    const note = await eventually(async () => {
      const seen = await noteOnCanvas('A harbour for everyone');
      expect(seen).toBeDefined();
      return seen!;
    });
    expect(note.pageId).toBe(second.frameId);
    await phone.screenshot({ path: '/tmp/phone-390x844.png', fullPage: false });
    await phone.screenshot({ path: '/tmp/phone-390x844-full.png', fullPage: true });
  });

  it('casts a dot vote from the phone, and shows the result once it is revealed', async () => {
    const ours = (await noteOnCanvas('A harbour for everyone'))!;
    const theirs = newNoteInFrame(observer.doc, { frameId: second.frameId!, text: 'A new school', group: null, participantId: null, gatheringId: second.gatheringId })!;
    const voteId = openVote(observer.doc, { title: 'Take further', noteIds: [ours.id, theirs], budget: 3, several: true, stepId: second.id }, Date.now());
    const vote = phone.getByRole('region', { name: 'Vote' });
    await vote.getByRole('heading', { name: 'Your vote: Take further' }).waitFor();
    await eventually(async () => expect(await live().textContent()).toBe('A vote is open: Take further'));
    // One tap at a time: the ballot counts from the dots it last showed.
    await vote.getByRole('button', { name: 'Add a dot to A harbour for everyone' }).click();
    await vote.getByText('2 of 3 dots left').waitFor();
    await vote.getByRole('button', { name: 'Add a dot to A harbour for everyone' }).click();
    await vote.getByText('1 of 3 dots left').waitFor();
    await vote.getByRole('button', { name: 'Add a dot to A new school' }).click();
    await vote.getByText('0 of 3 dots left').waitFor();
    await vote.getByRole('button', { name: 'Remove a dot from A new school' }).click();
    await vote.getByText('1 of 3 dots left').waitFor();
    await phone.screenshot({ path: '/tmp/phone-vote-390x844.png' });
    // The dots are the phone's own: the shared document holds no ballot.
    expect(JSON.stringify(observer.doc.toJSON())).not.toContain('"dots"');

    closeVote(observer.doc, voteId);
    await vote.getByText('The vote is closed: your dots count as they are.').waitFor();
    const response = await fetch(`${started.server.url}/api/workshops/${workshop.id}/votes/${voteId}/reveal`, {
      method: 'POST',
      headers: { authorization: `Bearer ${workshop.facilitatorToken}` },
    });
    expect(response.status).toBe(200);
    await vote.getByRole('heading', { name: 'Result: Take further' }).waitFor();
    await vote.getByText('1 person voted').waitFor();
    const tally = await eventually(() => {
      const counted = voteOf(observer.doc, voteId)?.tally;
      expect(counted).toBeTruthy();
      return counted!;
    });
    expect(tally.notes[0]).toMatchObject({ noteId: ours.id, total: 2, byGroup: { citizen: 2 } });
    expect(tally.notes[1]).toMatchObject({ noteId: theirs, total: 0 });
    await phone.screenshot({ path: '/tmp/phone-vote-result-390x844.png' });
  });

  it('in a private step the phone writes drafts that reach nobody until the facilitator reveals them', async () => {
    setStepPrivate(observer.doc, first.id, true);
    setCurrentStep(observer.doc, first.id);
    await phone.getByRole('heading', { level: 2, name: 'This place' }).waitFor();
    await phone.getByRole('heading', { level: 2, name: 'Your private notes' }).waitFor();
    expect(await phone.getByRole('button', { name: 'Add note' }).count()).toBe(0);
    await phone.getByLabel('Your note (only you see it until the facilitator reveals)').fill('The old fish factory');
    await phone.getByRole('button', { name: 'Add', exact: true }).click();
    await phone.getByText('Your note is saved. Only you can see it.').waitFor();
    await phone.screenshot({ path: '/tmp/phone-private-390x844.png' });
    expect(processNotesOf(observer.doc).some((note) => note.text === 'The old fish factory')).toBe(false);

    const response = await fetch(`${started.server.url}/api/workshops/${workshop.id}/steps/${first.id}/reveal`, {
      method: 'POST',
      headers: { authorization: `Bearer ${workshop.facilitatorToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ anonymous: false }),
    });
    expect(response.status).toBe(200);
    const revealed = await eventually(async () => {
      const note = await noteOnCanvas('The old fish factory');
      expect(note).toBeDefined();
      return note!;
    });
    expect(revealed.pageId).toBe(first.frameId);
    // Revealed, the step takes ordinary notes again.
    await phone.getByRole('button', { name: 'Add note' }).waitFor();
    await phone.getByRole('region', { name: 'My notes' }).getByText('The old fish factory').waitFor();
  });

  it('with no step running, a note goes on the gathering\'s page in a free spot, clear of the frames', async () => {
    setCurrentStep(observer.doc, null);
    await phone.getByRole('heading', { level: 2, name: 'No step is running.' }).waitFor();
    await phone.getByText('Your note goes on the board in your group\'s colour.').waitFor();
    await phone.getByLabel('Your note').fill('Between the steps');
    await phone.getByRole('button', { name: 'Add note' }).click();
    const note = await eventually(async () => {
      const seen = await noteOnCanvas('Between the steps');
      expect(seen).toBeDefined();
      return seen!;
    });
    const pageId = gatheringsOf(observer.doc)[0].pageId;
    expect(note.pageId).toBe(pageId);
    const clear = await facilitator.evaluate(
      ({ noteId, frameIds }) => {
        const editor = window.__fletEditor!;
        const box = editor.getShapePageBounds(noteId as never)!;
        return frameIds.every((id) => !box.collides(editor.getShapePageBounds(id as never)!));
      },
      { noteId: note.id, frameIds: [first.frameId!, second.frameId!] },
    );
    expect(clear).toBe(true);
    setCurrentStep(observer.doc, first.id);
    await phone.getByRole('heading', { level: 2, name: 'This place' }).waitFor();
  });

  it('fits 320 px and a 1920×1080 screen (one centred column)', async () => {
    await phone.setViewportSize({ width: 320, height: 640 });
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await phone.screenshot({ path: '/tmp/phone-320x640.png' });

    const wide = await started.session.newContext({ viewport: PROJECTOR });
    const page = await wide.newPage();
    // The same participant's browser state, on a big screen that chose the simple view.
    const state = await phoneContext.storageState();
    await wide.addCookies(state.cookies);
    await page.goto(`${started.server.url}/`);
    await page.evaluate((origins) => {
      for (const origin of origins) for (const item of origin.localStorage) localStorage.setItem(item.name, item.value);
    }, state.origins);
    await page.evaluate((id) => localStorage.setItem(`flet:view:${id}`, 'simple'), workshop.id);
    await page.goto(`${started.server.url}/w/${workshop.id}`);
    await page.getByRole('heading', { level: 2, name: 'This place' }).waitFor();
    const column = await page.locator('.phone-main').boundingBox();
    expect(column).not.toBeNull();
    const left = column!.x;
    const right = PROJECTOR.width - (column!.x + column!.width);
    expect(Math.abs(left - right)).toBeLessThan(2);
    await page.screenshot({ path: '/tmp/phone-1920x1080.png' });
  });

  it('switches to the canvas (loading its code only then) and back, and remembers the choice', async () => {
    await phone.setViewportSize(PHONE);
    expect(phoneRequests.filter((url) => CANVAS_CHUNK.test(url))).toEqual([]);
    await phone.getByRole('button', { name: 'Open the canvas' }).click();
    await waitForCanvas(phone);
    expect(phoneRequests.filter((url) => CANVAS_CHUNK.test(url))).toHaveLength(1);
    await phone.reload();
    await waitForCanvas(phone);
    await phone.getByRole('button', { name: 'Simple view' }).click();
    await phone.getByRole('button', { name: 'Open the canvas' }).waitFor();
    expect(await phone.locator('.tl-canvas').count()).toBe(0);
    await phone.reload();
    await phone.getByRole('button', { name: 'Open the canvas' }).waitFor();
    await phone.getByRole('region', { name: 'My notes' }).waitFor();
  });

  it('the facilitator on a phone still gets the canvas, and so does a participant whose link says ?view=canvas', async () => {
    const context = await started.session.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${started.server.url}/w/${workshop.id}#token=${workshop.facilitatorToken}`);
    await waitForCanvas(page);
    expect(await page.getByRole('button', { name: 'Open the canvas' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Simple view' }).count()).toBe(0);

    const joined = await joinWorkshop(started.server, workshop.joinCode, 'politician', 'Malik');
    const other = await started.session.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
    const participant = await other.newPage();
    await participant.goto(`${started.server.url}/w/${workshop.id}?view=canvas#token=${joined.token}`);
    await waitForCanvas(participant);
    await participant.getByRole('button', { name: 'Simple view' }).waitFor();
    expect(await participant.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await participant.screenshot({ path: '/tmp/phone-canvas-participant-390x844.png' });
  });

  it('leaves no request to another host and no page error', () => {
    expect(started.session.requests.foreign(started.server.url)).toEqual([]);
    expect(started.session.requests.errors).toEqual([]);
  });
});
