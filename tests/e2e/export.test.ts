import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addGathering } from '../../shared/domain/gatherings';
import type { Group } from '../../shared/domain/groups';
import { FACILITATOR } from '../../shared/domain/identity';
import { startThread } from '../../shared/domain/threads';
import { narrativeOf, recordsOf } from '../../shared/schema';
import { createWorkshop, joinWorkshop, type CreatedWorkshop, type JoinedWorkshop } from '../helpers/api';
import { noteRecord } from '../helpers/board';
import { eventually } from '../helpers/eventually';
import { startServer, type RunningServer } from '../helpers/server';
import { connectClient, type TestClient } from '../helpers/yjsClient';
import { heading, passage } from '../unit/exportFixture';
import { audit, blocking, describeViolations, installAxe } from './axe';
import { waitForCanvas } from './boardPage';
import { BrowserSession, screenshot } from './browser';

const HOSTILE = '<img src=x onerror=alert(1)>';

/** A participant's note at a gathering, written by the participant's own client. */
function writeNote(client: TestClient, id: string, text: string, participant: JoinedWorkshop, group: Group, gathering: { id: string; pageId: string }): void {
  client.doc.transact(() => {
    const fields = new Y.Map<unknown>();
    recordsOf(client.doc).set(id, fields);
    const record = noteRecord(id, text, { participantId: participant.participantId, group });
    record.parentId = gathering.pageId;
    record.meta = { group, participantId: participant.participantId, gatheringId: gathering.id };
    for (const [key, value] of Object.entries(record)) fields.set(key, value);
  });
}

describe('exporting from the interface', () => {
  let server: RunningServer;
  let session: BrowserSession;
  let workshop: CreatedWorkshop;

  async function open(token: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
    const context = await session.newContext({ viewport, acceptDownloads: true });
    await installAxe(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/w/${workshop.id}#token=${token}`);
    await waitForCanvas(page);
    await page.getByRole('button', { name: 'Narrative', exact: true }).click();
    await page.locator('.narrative-text').waitFor({ timeout: 15_000 });
    return page;
  }

  beforeAll(async () => {
    server = await startServer();
    session = await BrowserSession.launch();
    workshop = await createWorkshop(server, { title: 'Vision 2030', language: 'en' });
    const anna = await joinWorkshop(server, workshop.joinCode, 'citizen', 'Anna');
    const facilitator = connectClient(server, workshop.id, workshop.facilitatorToken);
    const annaClient = connectClient(server, workshop.id, anna.token);
    await Promise.all([facilitator.synced(), annaClient.synced()]);
    const nuuk = addGathering(facilitator.doc, { title: 'First gathering', place: 'Nuuk', date: '2025-03-12' });
    const tasiilaq = addGathering(facilitator.doc, { title: 'Second gathering', place: 'Tasiilaq', date: '2025-03-16' });
    await eventually(() => expect(annaClient.doc.getMap('gatherings').size === 2).toBe(true));
    writeNote(annaClient, 'shape:boats', 'Boats all year', anna, 'citizen', nuuk);
    writeNote(annaClient, 'shape:hostile', HOSTILE, anna, 'citizen', tasiilaq);
    await eventually(() => expect(recordsOf(facilitator.doc).has('shape:hostile')).toBe(true));
    const thread = startThread(facilitator.doc, FACILITATOR, { title: 'The harbour', noteIds: ['shape:boats', 'shape:hostile'] }, Date.now());
    narrativeOf(facilitator.doc).insert(0, [
      heading('section:sea', 'Sea and hunting'),
      passage('passage:1', thread, 'Hunting binds the towns together.', [{ noteId: 'shape:boats', text: 'Boats all year' }]),
    ]);
    // Once a second client has it, the server has stored it.
    const reader = connectClient(server, workshop.id, workshop.facilitatorToken, { reconnect: false });
    await reader.synced();
    await eventually(() => expect(narrativeOf(reader.doc).length === 2).toBe(true));
    for (const client of [reader, annaClient, facilitator]) client.destroy();
  });

  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it('the facilitator downloads the narrative as Markdown and finds its text and provenance, the hostile note as text', async () => {
    const page = await open(workshop.facilitatorToken);
    const button = page.getByRole('button', { name: 'Download the narrative (Markdown)' });
    await button.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('Vision 2030.md');
    const markdown = await readFile((await download.path())!, 'utf8');
    expect(markdown).toContain('# Vision 2030');
    expect(markdown).toContain('## Sea and hunting');
    expect(markdown).toContain('Hunting binds the towns together\\. “Boats all year”');
    expect(markdown).toContain('## Sources');
    expect(markdown).toContain('### The harbour');
    expect(markdown).toContain('- “Boats all year” — Citizen, Nuuk (First gathering, 12 March 2025)');
    expect(markdown).toContain('- “&lt;img src\\=x onerror\\=alert\\(1\\)&gt;” — Citizen, Tasiilaq (Second gathering, 16 March 2025)');
    expect(markdown).not.toContain('<img');
    await page.getByText('Vision 2030.md has been downloaded.').waitFor({ state: 'attached' });

    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the workshop (JSON)' }).click()]);
    expect(json.suggestedFilename()).toBe('Vision 2030.json');
    const exported = JSON.parse(await readFile((await json.path())!, 'utf8')) as { notes: Array<{ text: string }>; gatherings: unknown[] };
    expect(exported.gatherings).toHaveLength(2);
    expect(exported.notes.map((note) => note.text).sort()).toEqual(['Boats all year', HOSTILE].sort());

    expect(describeViolations(blocking(await audit(page)))).toEqual([]);
    await screenshot(page, 'export-laptop-facilitator');
  });

  it('fits a phone and a projector-sized screen', async () => {
    const phone = await open(workshop.facilitatorToken, { width: 390, height: 844 });
    await phone.getByRole('button', { name: 'Download the narrative (Markdown)' }).waitFor();
    await screenshot(phone, 'export-phone-facilitator');
    expect(describeViolations(blocking(await audit(phone)))).toEqual([]);
    const wide = await open(workshop.facilitatorToken, { width: 1920, height: 1080 });
    await wide.getByRole('button', { name: 'Download the workshop (JSON)' }).waitFor();
    await screenshot(wide, 'export-projector-facilitator');
  });

  it('offers no export to a participant', async () => {
    const bo = await joinWorkshop(server, workshop.joinCode, 'politician', 'Bo');
    const page = await open(bo.token);
    await page.getByRole('heading', { name: 'Narrative' }).waitFor();
    expect(await page.getByRole('button', { name: /Download the/ }).count()).toBe(0);
  });
});
