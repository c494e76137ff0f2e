import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addGathering, type Gathering } from '../../shared/domain/gatherings';
import { FACILITATOR } from '../../shared/domain/identity';
import { startThread } from '../../shared/domain/threads';
import { gatheringsMapOf, narrativeOf, recordsOf } from '../../shared/schema';
import { createWorkshop, joinWorkshop, type CreatedWorkshop, type JoinedWorkshop } from '../helpers/api';
import { noteRecord } from '../helpers/board';
import { eventually } from '../helpers/eventually';
import { connectClient, type TestClient } from '../helpers/yjsClient';
import { audit, blocking, describeViolations, installAxe } from './axe';
import { waitForCanvas } from './boardPage';
import { screenshot, serverAndBrowser } from './browser';

const PHONE = { width: 390, height: 844 };
const PROJECTOR = { width: 1920, height: 1080 };
const BOATS = 'Boats for young hunters';
const COUNCIL = 'A youth council';
const INTERNET = 'Better internet in the settlements';

/** A participant's own note on a gathering's page, written in one go as the board writes it. */
function writeNote(doc: Y.Doc, joined: JoinedWorkshop, id: string, text: string, gathering: Gathering): string {
  const record = noteRecord(id, text, { participantId: joined.participantId, group: 'citizen' });
  record.parentId = gathering.pageId;
  record.meta = { ...(record.meta as Record<string, unknown>), gatheringId: gathering.id };
  doc.transact(() => {
    const fields = new Y.Map<unknown>();
    recordsOf(doc).set(id, fields);
    for (const [key, value] of Object.entries(record)) fields.set(key, value);
  });
  return id;
}

/** A section heading and a woven passage quoting one note, in the narrative's format. */
function weaveInto(doc: Y.Doc, heading: string, threadId: string, quote: { noteId: string; text: string }): void {
  const title = new Y.XmlElement('heading');
  title.setAttribute('sectionId', 'section:sea');
  const titleText = new Y.XmlText();
  title.insert(0, [titleText]);
  titleText.insert(0, heading);
  const passage = new Y.XmlElement('passage');
  passage.setAttribute('passageId', 'passage:sea');
  passage.setAttribute('threadId', threadId);
  const paragraph = new Y.XmlElement('paragraph');
  passage.insert(0, [paragraph]);
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  const intro = 'The sea ties the towns together. ';
  text.insert(0, intro);
  text.insert(intro.length, `“${quote.text}”`, { source: { noteId: quote.noteId, threadId } });
  narrativeOf(doc).insert(narrativeOf(doc).length, [title, passage]);
}

describe('where did my note go', () => {
  const started = serverAndBrowser();
  let workshop: CreatedWorkshop;
  let anna: JoinedWorkshop;
  const clients: TestClient[] = [];
  const noteIds: Record<string, string> = {};

  async function openAsAnna(viewport = { width: 1280, height: 800 }): Promise<Page> {
    const context = await started.session.newContext({ viewport });
    await installAxe(context);
    const page = await context.newPage();
    await page.goto(`${started.server.url}/w/${workshop.id}?view=canvas#token=${anna.token}`);
    await waitForCanvas(page);
    return page;
  }

  beforeAll(async () => {
    workshop = await createWorkshop(started.server, { title: 'Vision Sermersooq', language: 'en' });
    anna = await joinWorkshop(started.server, workshop.joinCode, 'citizen', 'Anna');
    const facilitator = connectClient(started.server, workshop.id, workshop.facilitatorToken);
    const annasClient = connectClient(started.server, workshop.id, anna.token);
    clients.push(facilitator, annasClient);
    await facilitator.synced();
    await annasClient.synced();
    const nuuk = addGathering(facilitator.doc, { title: 'Nuuk', place: 'Nuuk', date: '2025-03-12' });
    const paamiut = addGathering(facilitator.doc, { title: 'Paamiut', place: 'Paamiut', date: '2025-03-20' });
    await eventually(() => expect(gatheringsMapOf(annasClient.doc).size).toBe(2));

    // Anna writes her notes herself; the facilitator threads two and weaves one.
    noteIds.boats = writeNote(annasClient.doc, anna, 'shape:boats', BOATS, paamiut);
    noteIds.council = writeNote(annasClient.doc, anna, 'shape:council', COUNCIL, nuuk);
    noteIds.internet = writeNote(annasClient.doc, anna, 'shape:internet', INTERNET, nuuk);
    await eventually(() => expect(recordsOf(facilitator.doc).has('shape:internet')).toBe(true));
    const now = Date.now();
    const sea = startThread(facilitator.doc, FACILITATOR, { title: 'Sea and hunting', noteIds: [noteIds.boats] }, now);
    startThread(facilitator.doc, FACILITATOR, { title: 'Youth', noteIds: [noteIds.council] }, now + 1);
    weaveInto(facilitator.doc, 'Hav og fangst', sea, { noteId: noteIds.boats, text: BOATS });
    await eventually(() => expect(narrativeOf(annasClient.doc).length).toBe(2));
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
  });

  it("shows a participant, in one click, each of their notes with its thread and its passage of the narrative", async () => {
    const page = await openAsAnna();
    await page.getByRole('button', { name: 'Where did my note go?' }).click();
    const panel = page.getByRole('complementary', { name: 'Where did my note go?' });
    await panel.getByText('2 of 3 notes are in a thread, 1 in the narrative.').waitFor();

    const boats = panel.getByRole('listitem').filter({ has: page.getByText(BOATS, { exact: true }) });
    await boats.getByRole('button', { name: 'Sea and hunting' }).waitFor();
    expect(await boats.locator('.my-note-heading').textContent()).toBe('Hav og fangst');
    expect(await boats.locator('.my-note-excerpt').textContent()).toBe(`The sea ties the towns together. “${BOATS}”`);
    const internet = panel.getByRole('listitem').filter({ has: page.getByText(INTERNET, { exact: true }) });
    expect(await internet.getByText('Not in a thread yet').count()).toBe(1);
    expect(await internet.getByText('Not in the narrative yet').count()).toBe(1);
    // Notes stand under their gathering, in the facilitator's order.
    expect(await panel.locator('h3').allTextContents()).toEqual(['Nuuk · 12 March 2025', 'Paamiut · 20 March 2025']);

    expect(describeViolations(blocking(await audit(page)))).toEqual([]);
    await screenshot(page, 'my-notes-laptop');

    // The thread opens in the threads panel.
    await boats.getByRole('button', { name: 'Sea and hunting' }).click();
    await page.getByRole('complementary', { name: 'Threads' }).waitFor();

    // The passage opens the narrative.
    await page.getByRole('button', { name: 'Where did my note go?' }).click();
    await panel.getByRole('button', { name: 'Read it in the narrative: Hav og fangst' }).click();
    await eventually(async () => expect(await page.getByRole('button', { name: 'Narrative', exact: true }).getAttribute('aria-current')).toBe('page'));

    // Back on the board the panel is still open; a note is shown there, selected on the canvas.
    await page.getByRole('button', { name: 'Board', exact: true }).click();
    await panel.getByRole('button', { name: `Show on the board: ${INTERNET}` }).click();
    await eventually(async () => expect(await page.evaluate(() => window.__fletEditor?.getSelectedShapeIds())).toEqual([noteIds.internet]));
    await page.context().close();
  });

  it('tells a participant without notes what the panel will show', async () => {
    const bo = await joinWorkshop(started.server, workshop.joinCode, 'business', 'Bo');
    const context = await started.session.newContext();
    const page = await context.newPage();
    await page.goto(`${started.server.url}/w/${workshop.id}?view=canvas#token=${bo.token}`);
    await waitForCanvas(page);
    await page.getByRole('button', { name: 'Where did my note go?' }).click();
    await page
      .getByRole('complementary', { name: 'Where did my note go?' })
      .getByText('You have not written a note yet. Your notes show here with the threads and the part of the narrative they went into.')
      .waitFor();
    await context.close();
  });

  it('fits a 390-pixel phone and a 1920×1080 screen', async () => {
    for (const [viewport, name] of [
      [PHONE, 'my-notes-phone'],
      [PROJECTOR, 'my-notes-projector'],
    ] as const) {
      const page = await openAsAnna(viewport);
      await page.getByRole('button', { name: 'Where did my note go?' }).click();
      const panel = page.getByRole('complementary', { name: 'Where did my note go?' });
      await panel.getByRole('button', { name: 'Sea and hunting' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      const box = (await panel.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      expect(describeViolations(blocking(await audit(page)))).toEqual([]);
      await screenshot(page, name);
      await page.context().close();
    }
  });
});
