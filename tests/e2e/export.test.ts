import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addGathering } from '../../shared/domain/gatherings';
import type { Group } from '../../shared/domain/groups';
import { FACILITATOR } from '../../shared/domain/identity';
import { startThread } from '../../shared/domain/threads';
import { narrativeOf, recordsOf } from '../../shared/schema';
import { createWorkshop, joinWorkshop, type CreatedWorkshop, type JoinedWorkshop } from '../helpers/api';
import { addGatheringNote } from '../helpers/board';
import { eventually } from '../helpers/eventually';
import { connectClient, type TestClient } from '../helpers/yjsClient';
import { heading, passage } from '../helpers/narrative';
import { audit, blocking, describeViolations, installAxe } from './axe';
import { waitForCanvas } from './boardPage';
import { screenshot, serverAndBrowser } from './browser';
import { addressOf, downloadBy, keep, readMarkdown, wordsOf, type Downloaded } from './downloads';

const HOSTILE = '<img src=x onerror=alert(1)>';

/** A participant's note at a gathering, written by the participant's own client. */
function writeNote(client: TestClient, id: string, text: string, participant: JoinedWorkshop, group: Group, gathering: { id: string; pageId: string }): void {
  addGatheringNote(client.doc, id, text, { participantId: participant.participantId, group }, gathering);
}

describe('exporting from the interface', () => {
  const started = serverAndBrowser();
  let workshop: CreatedWorkshop;
  let tasiilaqPageId: string;

  async function open(token: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
    const context = await started.session.newContext({ viewport, acceptDownloads: true });
    await installAxe(context);
    const page = await context.newPage();
    await page.goto(`${started.server.url}/w/${workshop.id}#token=${token}`);
    await waitForCanvas(page);
    await page.getByRole('button', { name: 'Narrative', exact: true }).click();
    await page.locator('.narrative-text').waitFor({ timeout: 15_000 });
    return page;
  }

  beforeAll(async () => {
    workshop = await createWorkshop(started.server, { title: 'Vision 2030', language: 'en' });
    const anna = await joinWorkshop(started.server, workshop.joinCode, 'citizen', 'Anna');
    const facilitator = connectClient(started.server, workshop.id, workshop.facilitatorToken);
    const annaClient = connectClient(started.server, workshop.id, anna.token);
    await Promise.all([facilitator.synced(), annaClient.synced()]);
    const nuuk = addGathering(facilitator.doc, { title: 'First gathering', place: 'Nuuk', date: '2025-03-12' });
    const tasiilaq = addGathering(facilitator.doc, { title: 'Second gathering', place: 'Tasiilaq', date: '2025-03-16' });
    tasiilaqPageId = tasiilaq.pageId;
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
    const reader = connectClient(started.server, workshop.id, workshop.facilitatorToken, { reconnect: false });
    await reader.synced();
    await eventually(() => expect(narrativeOf(reader.doc).length === 2).toBe(true));
    for (const client of [reader, annaClient, facilitator]) client.destroy();
  });

  it('the facilitator downloads the narrative as Markdown and as Word, and finds its text and provenance in both', async () => {
    const page = await open(workshop.facilitatorToken);
    const markdown = await downloadBy(page, page.getByRole('button', { name: 'Download the narrative as Markdown' }));
    expect(markdown.name).toBe('Vision 2030.md');
    const raw = await readFile(markdown.path, 'utf8');
    expect(raw).not.toContain('<img');
    const docx = await downloadBy(page, page.getByRole('button', { name: 'Download the narrative as Word (DOCX)' }));
    expect(docx.name).toBe('Vision 2030.docx');
    await page.getByText('Vision 2030.docx has been downloaded.').waitFor();
    for (const words of [readMarkdown(await wordsOf(markdown)), await wordsOf(docx)]) {
      expect(words).toContain('Vision 2030');
      expect(words).toContain('Sea and hunting');
      expect(words).toContain('Hunting binds the towns together.');
      // The provenance: the thread woven in, the note it quotes, with its group and place.
      expect(words).toContain('Sources');
      expect(words).toContain('The harbour');
      expect(words).toContain('Boats all year');
      expect(words).toMatch(/citizen, Nuuk/i);
    }
    expect(describeViolations(blocking(await audit(page)))).toEqual([]);
    await screenshot(page, 'export-laptop-facilitator');
  });

  it('a note that tries to run script is text on the board and in every export, and nothing runs', async () => {
    const page = await open(workshop.facilitatorToken);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const files: Downloaded[] = [];
    for (const name of ['Markdown', 'HTML', 'Word (DOCX)', 'PDF']) {
      files.push(await downloadBy(page, page.getByRole('button', { name: `Download the narrative as ${name}` })));
    }
    files.push(await downloadBy(page, page.getByRole('button', { name: 'Download: Whole workshop (JSON)', exact: true })));
    expect(files.map((file) => file.name)).toEqual(['Vision 2030.md', 'Vision 2030.html', 'Vision 2030.docx', 'Vision 2030.pdf', 'Vision 2030.json']);
    const [markdown, html, docx, pdf, json] = files;
    expect(readMarkdown(await wordsOf(markdown))).toContain(HOSTILE);
    expect(await readFile(markdown.path, 'utf8')).not.toContain('<img');
    expect(await wordsOf(docx)).toContain(HOSTILE);
    expect(await wordsOf(pdf)).toContain(HOSTILE);
    const exported = JSON.parse(await readFile(json.path, 'utf8')) as { notes: Array<{ text: string }>; gatherings: unknown[] };
    expect(exported.gatherings).toHaveLength(2);
    expect(exported.notes.map((note) => note.text).sort()).toEqual(['Boats all year', HOSTILE].sort());

    // The HTML file opened as a reader would, straight from the disk: the words, and no image.
    const reader = await page.context().newPage();
    reader.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await keep(html, 'export-narrative.html');
    await keep(pdf, 'export-narrative.pdf');
    await reader.goto(await addressOf(html));
    await reader.getByText(HOSTILE).first().waitFor();
    expect(await reader.locator('img[src="x"]').count()).toBe(0);
    await screenshot(reader, 'export-html-narrative');

    // On the board: the note's words, drawn as text on the gathering's page.
    await page.goto(`${started.server.url}/w/${workshop.id}?view=canvas#token=${workshop.facilitatorToken}`);
    await waitForCanvas(page);
    await page.evaluate((pageId) => {
      window.__fletEditor!.setCurrentPage(pageId as never);
    }, tasiilaqPageId);
    await page.locator('.tl-shape').getByText(HOSTILE).waitFor();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('the weave view gives its figure as SVG and PNG', async () => {
    const page = await open(workshop.facilitatorToken);
    await page.getByRole('button', { name: 'Weave', exact: true }).click();
    const svg = await downloadBy(page, page.getByRole('button', { name: 'Download the weave figure as SVG' }));
    expect(svg.name).toBe('Vision 2030 - weave.svg');
    const drawn = await readFile(svg.path, 'utf8');
    expect(drawn).toContain('<svg');
    expect(drawn).toContain('The harbour');
    const png = await downloadBy(page, page.getByRole('button', { name: 'Download the weave figure as PNG' }));
    expect(png.name).toBe('Vision 2030 - weave.png');
    expect((await readFile(png.path)).subarray(1, 4).toString('latin1')).toBe('PNG');
    await keep(png, 'export-weave.png');
    await screenshot(page, 'export-weave-laptop');
    expect(describeViolations(blocking(await audit(page)))).toEqual([]);
  });

  it('fits a phone and a projector-sized screen', async () => {
    const phone = await open(workshop.facilitatorToken, { width: 390, height: 844 });
    await phone.getByRole('button', { name: 'Download the narrative as PDF' }).waitFor();
    await screenshot(phone, 'export-phone-facilitator');
    expect(describeViolations(blocking(await audit(phone)))).toEqual([]);
    const wide = await open(workshop.facilitatorToken, { width: 1920, height: 1080 });
    await wide.getByRole('button', { name: 'Download: Whole workshop (JSON)', exact: true }).waitFor();
    await screenshot(wide, 'export-projector-facilitator');
  });

  it('offers no export to a participant', async () => {
    const bo = await joinWorkshop(started.server, workshop.joinCode, 'politician', 'Bo');
    const page = await open(bo.token);
    await page.getByRole('heading', { name: 'Narrative' }).waitFor();
    expect(await page.getByRole('button', { name: /^Download/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Weave', exact: true }).click();
    await page.getByRole('heading', { name: /^The weave/ }).first().waitFor();
    expect(await page.getByRole('button', { name: /^Download/ }).count()).toBe(0);
  });
});
