import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addGathering } from '../../shared/domain/gatherings';
import { createWorkshop, joinWorkshop, type CreatedWorkshop } from '../helpers/api';
import { eventually } from '../helpers/eventually';
import { connectClient } from '../helpers/yjsClient';
import { audit, blocking, describeViolations, installAxe } from './axe';
import { notesOn, waitForCanvas } from './boardPage';
import { screenshot, serverAndBrowser } from './browser';

/**
 * The facilitator imports statements collected before the workshop from a CSV file in the
 * gatherings panel: a wrong line is named and nothing arrives; a right file puts the
 * statements on the gathering's page for everyone, hostile text shown as text.
 */

const HOSTILE = '<img src=x onerror="window.__fletPwned=1">';

declare global {
  interface Window {
    __fletPwned?: number;
  }
}

describe('importing statements collected beforehand', () => {
  const started = serverAndBrowser();
  let workshop: CreatedWorkshop;
  let facilitator: Page;
  let participant: Page;
  let nuukPage = '';

  async function open(token: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
    const context = await started.session.newContext({ viewport });
    await installAxe(context);
    const page = await context.newPage();
    await page.goto(`${started.server.url}/w/${workshop.id}?view=canvas#token=${token}`);
    await waitForCanvas(page);
    await eventually(async () => expect(await page.locator('[data-status]').first().getAttribute('data-status')).toBe('connected'), {
      timeout: 15_000,
    });
    return page;
  }

  const panelOf = (page: Page) => page.getByRole('complementary', { name: 'Gatherings' });

  async function upload(name: string, text: string): Promise<void> {
    const panel = panelOf(facilitator);
    await panel.getByLabel('File of statements (.csv or .json)').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
    await panel.getByRole('button', { name: 'Import', exact: true }).click();
  }

  beforeAll(async () => {
    workshop = await createWorkshop(started.server, { title: 'Interviews before Nuuk', language: 'en' });
    const setUp = connectClient(started.server, workshop.id, workshop.facilitatorToken, { reconnect: false });
    await setUp.synced();
    setUp.doc.transact(() => {
      nuukPage = addGathering(setUp.doc, { title: 'Nuuk' }).pageId;
      addGathering(setUp.doc, { title: 'Tasiilaq' });
    });
    await eventually(async () => {
      const check = connectClient(started.server, workshop.id, workshop.facilitatorToken, { reconnect: false });
      await check.synced();
      const seen = check.doc.getMap('gatherings').size;
      check.destroy();
      expect(seen).toBe(2);
    });
    setUp.destroy();
  });

  it('names the wrong line of a malformed file, and imports nothing', async () => {
    facilitator = await open(workshop.facilitatorToken);
    const participantJoin = await joinWorkshop(started.server, workshop.joinCode, 'citizen', 'Bo');
    participant = await open(participantJoin.token);
    await facilitator.getByRole('button', { name: 'Gatherings', exact: true }).click();
    await panelOf(facilitator).getByRole('heading', { name: 'Import statements collected beforehand' }).waitFor();

    await upload('statements.csv', 'text,group,place,gathering\nKeep the harbour open,citizen,Nuuk,\nMore light,mayor,,\n');
    const alert = panelOf(facilitator).getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      'Line 3: "mayor" is not a group (use politician, manager, employee, citizen, business, association or other). Nothing was imported.',
    );
    expect(await notesOn(facilitator)).toEqual([]);
    expect(describeViolations(blocking(await audit(facilitator)))).toEqual([]);
  });

  it('puts the statements on the gathering’s page for the facilitator and a participant, hostile text as text', async () => {
    const csv = [
      'text,group,place,gathering',
      'Keep the harbour open all winter,citizen,Nuuk,',
      `"${HOSTILE.replace(/"/g, '""')}",business,,Nuuk`,
      '"=HYPERLINK(""http://evil.example"",""click"")",employee,Qinngorput,nuuk',
      'Better boats to the settlements,,,Tasiilaq',
    ].join('\n');
    await upload('interviews.csv', csv);
    await panelOf(facilitator).getByText('4 statements imported.', { exact: true }).waitFor();
    expect(await panelOf(facilitator).getByRole('alert').count()).toBe(0);

    for (const page of [facilitator, participant]) {
      const notes = await eventually(async () => {
        const seen = await notesOn(page);
        expect(seen).toHaveLength(4);
        return seen;
      });
      const onNuuk = notes.filter((note) => note.pageId === nuukPage).map((note) => note.text);
      expect(onNuuk.sort()).toEqual(['<img src=x onerror="window.__fletPwned=1">', '=HYPERLINK("http://evil.example","click")', 'Keep the harbour open all winter'].sort());
      expect(notes.every((note) => note.meta.collectedBefore === true && note.meta.participantId === null)).toBe(true);

      // On the board as a person sees it: the text itself, the mark, no image made of it.
      await page.evaluate(() => {
        window.__fletEditor!.zoomToFit();
      });
      const board = page.locator('.tl-canvas').first();
      await board.getByText(HOSTILE, { exact: true }).waitFor();
      await board.getByText('Keep the harbour open all winter').waitFor();
      expect(await board.locator('.tl-shape[data-shape-type="note"] img').count()).toBe(0);
      expect(await page.evaluate(() => window.__fletPwned)).toBeUndefined();
      expect(await board.locator('.tl-note__attribution').first().textContent()).toBe('Collected\u00a0beforehand');
    }
    await screenshot(participant, 'import-participant-board');
    await screenshot(facilitator, 'import-facilitator-laptop');
    expect(describeViolations(blocking(await audit(facilitator)))).toEqual([]);
  });

  it('fits a phone and a projector', async () => {
    // The invitation opens beside the panel for a facilitator; put away, the panel shows whole.
    const hide = facilitator.getByRole('button', { name: 'Hide', exact: true });
    if (await hide.count()) await hide.first().click();
    for (const [name, viewport] of [['phone', { width: 390, height: 844 }], ['projector', { width: 1920, height: 1080 }]] as const) {
      await facilitator.setViewportSize(viewport);
      const heading = panelOf(facilitator).getByRole('heading', { name: 'Import statements collected beforehand' });
      await heading.scrollIntoViewIfNeeded();
      await screenshot(facilitator, `import-panel-${name}`);
      const width = await facilitator.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(viewport.width);
    }
  });
});
