import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { reports } from '../../client/i18n/features/reports';
import { views } from '../../client/i18n/features/views';
import { gatheringsOf, type Gathering } from '../../shared/domain/gatherings';
import type { Group } from '../../shared/domain/groups';
import { reportTextOf } from '../../shared/domain/reports';
import { reportGoalsOf } from '../../shared/domain/templates';
import { recordsOf } from '../../shared/schema';
import { createWorkshop, joinWorkshop, type CreatedWorkshop, type JoinedWorkshop } from '../helpers/api';
import { addGatheringNote } from '../helpers/board';
import { eventually } from '../helpers/eventually';
import { connectClient, type TestClient } from '../helpers/yjsClient';
import { audit, blocking, describeViolations, installAxe } from './axe';
import { waitForCanvas } from './boardPage';
import { screenshot, serverAndBrowser } from './browser';
import { addressOf, downloadBy, keep, wordsOf } from './downloads';

const HOSTILE = '<img src=x onerror=alert(1)>';
const SUMMARY = 'The group agreed on who answers the press during a case.';
const GOAL_ONE = 'A first drawing of the case flow was made on the wall; it is kept in the appendix.';

/** A participant's note at a gathering, written by the participant's own client. */
function writeNote(client: TestClient, id: string, text: string, participant: JoinedWorkshop, group: Group, gathering: { id: string; pageId: string }): void {
  addGatheringNote(client.doc, id, text, { participantId: participant.participantId, group }, gathering);
}

interface Setup {
  workshop: CreatedWorkshop;
  gathering: Gathering;
  goals: string[];
}

describe('a gathering’s report', () => {
  const started = serverAndBrowser();
  const setups = new Map<'en' | 'da' | 'sv', Setup>();

  /** A roles-and-boundaries workshop in `language` with notes of two groups at its gathering. */
  async function prepare(language: 'en' | 'da' | 'sv', title: string): Promise<Setup> {
    const workshop = await createWorkshop(started.server, { title, language, template: 'roles-and-boundaries' });
    const politician = await joinWorkshop(started.server, workshop.joinCode, 'politician', 'Lena');
    const employee = await joinWorkshop(started.server, workshop.joinCode, 'employee', 'Omar');
    const facilitator = connectClient(started.server, workshop.id, workshop.facilitatorToken);
    const lena = connectClient(started.server, workshop.id, politician.token);
    const omar = connectClient(started.server, workshop.id, employee.token);
    await Promise.all([facilitator.synced(), lena.synced(), omar.synced()]);
    const gathering = gatheringsOf(facilitator.doc)[0];
    expect(gathering).toBeDefined();
    writeNote(lena, 'shape:roles', 'Clear roles when a case starts', politician, 'politician', gathering);
    writeNote(omar, 'shape:hostile', HOSTILE, employee, 'employee', gathering);
    await eventually(() => expect(recordsOf(facilitator.doc).has('shape:roles') && recordsOf(facilitator.doc).has('shape:hostile')).toBe(true));
    const goals = reportGoalsOf(facilitator.doc);
    for (const client of [lena, omar, facilitator]) client.destroy();
    return { workshop, gathering, goals };
  }

  async function openReport(setup: Setup, language: 'en' | 'da' | 'sv', viewport = { width: 1280, height: 800 }, shot?: string): Promise<Page> {
    const context = await started.session.newContext({ viewport, acceptDownloads: true });
    await installAxe(context);
    const page = await context.newPage();
    await page.goto(`${started.server.url}/w/${setup.workshop.id}?view=canvas#token=${setup.workshop.facilitatorToken}`);
    await waitForCanvas(page);
    await page.getByRole('button', { name: views[language].panels.gatherings, exact: true }).click();
    const panel = page.getByRole('complementary', { name: views[language].panels.gatherings });
    if (shot) {
      await panel.getByRole('button', { name: `${reports[language].open} ${setup.gathering.title}` }).scrollIntoViewIfNeeded();
      await screenshot(page, shot);
    }
    await panel.getByRole('button', { name: `${reports[language].open} ${setup.gathering.title}` }).click();
    await page.getByRole('dialog', { name: reports[language].heading.replace('{{title}}', setup.gathering.title) }).waitFor();
    return page;
  }

  beforeAll(async () => {
    setups.set('en', await prepare('en', 'Roles in Nynäshamn'));
    setups.set('da', await prepare('da', 'Roller i Kerteminde'));
    setups.set('sv', await prepare('sv', 'Roller i Nynäshamn'));
  });

  it('the facilitator writes the summary and a goal’s text, and finds them with the notes in the PDF and HTML report', async () => {
    const setup = setups.get('en')!;
    expect(setup.goals).toHaveLength(4);
    const page = await openReport(setup, 'en');
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const dialog = page.getByRole('dialog', { name: `Report: ${setup.gathering.title}` });
    // Each goal is shown in its own words beside its text box.
    for (const goal of setup.goals) await dialog.getByText(goal).waitFor();

    await dialog.getByLabel('Summary').fill(SUMMARY);
    await page.keyboard.press('Tab');
    await dialog.getByText('The summary has been saved.').waitFor();
    const goalOne = dialog.getByRole('textbox', { name: 'Goal 1' });
    expect(await goalOne.getAttribute('aria-describedby')).toBeTruthy();
    await goalOne.fill(GOAL_ONE);
    await page.keyboard.press('Tab');
    await dialog.getByText('The text for goal 1 has been saved.').waitFor();

    // Saved on the board, for every facilitator and the export.
    const observer = connectClient(started.server, setup.workshop.id, setup.workshop.facilitatorToken);
    await observer.synced();
    await eventually(() => {
      const written = reportTextOf(observer.doc, setup.gathering.id);
      expect(written.summary).toBe(SUMMARY);
      expect(written.goalSummaries[0]).toBe(GOAL_ONE);
    });
    observer.destroy();

    expect(describeViolations(blocking(await audit(page)))).toEqual([]);
    await screenshot(page, 'report-dialog-laptop-en');

    const pdf = await downloadBy(page, dialog.getByRole('button', { name: 'Download the report as PDF' }));
    expect(pdf.name).toBe(`Roles in Nynäshamn - ${setup.gathering.title}.pdf`);
    await keep(pdf, 'export-report-en.pdf');
    const html = await downloadBy(page, dialog.getByRole('button', { name: 'Download the report as HTML' }));
    expect(html.name).toBe(`Roles in Nynäshamn - ${setup.gathering.title}.html`);
    for (const words of [await wordsOf(pdf), await wordsOf(html)]) {
      expect(words).toContain(SUMMARY);
      expect(words).toContain(GOAL_ONE);
      expect(words).toContain('Clear roles when a case starts');
    }
    expect(await wordsOf(pdf)).toContain(HOSTILE);
    expect(await readFile(html.path, 'utf8')).not.toContain('<img src=x');

    // The HTML report read as a reader opens it: the words and the hostile note as text, nothing run.
    const reader = await page.context().newPage();
    reader.on('dialog', (shown) => {
      dialogs.push(shown.message());
      void shown.dismiss();
    });
    await keep(html, 'export-report-en.html');
    await reader.goto(await addressOf(html));
    await reader.getByText(SUMMARY).first().waitFor();
    await reader.getByText(HOSTILE).first().waitFor();
    expect(await reader.locator('img[src="x"]').count()).toBe(0);
    await screenshot(reader, 'report-html-en');
    await reader.close();

    // Escape closes the dialog; the focus is back on the button that opened it, and the texts stay.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    const reportButton = page.getByRole('button', { name: `Report ${setup.gathering.title}` });
    expect(await reportButton.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    expect(await dialog.getByLabel('Summary').inputValue()).toBe(SUMMARY);
    expect(dialogs).toEqual([]);
  });

  it('what is typed is kept when the dialog is closed with Escape straight from the field', async () => {
    const setup = setups.get('en')!;
    const page = await openReport(setup, 'en');
    const dialog = page.getByRole('dialog', { name: `Report: ${setup.gathering.title}` });
    await dialog.getByRole('textbox', { name: 'Goal 4' }).fill('Deviations go to the steering group.');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    const observer = connectClient(started.server, setup.workshop.id, setup.workshop.facilitatorToken);
    await observer.synced();
    await eventually(() => expect(reportTextOf(observer.doc, setup.gathering.id).goalSummaries[3]).toBe('Deviations go to the steering group.'));
    observer.destroy();
  });

  for (const language of ['da', 'sv'] as const) {
    it(`fits a phone and a projector in ${language}, with no serious accessibility problem`, async () => {
      const setup = setups.get(language)!;
      for (const [name, viewport] of [
        ['phone', { width: 390, height: 844 }],
        ['projector', { width: 1920, height: 1080 }],
      ] as const) {
        const page = await openReport(setup, language, viewport, `report-gatherings-panel-${name}-${language}`);
        const dialog = page.getByRole('dialog');
        await dialog.getByText(setup.goals[0]).waitFor();
        const summary = language === 'da' ? 'Gruppen blev enig om rollerne' : 'Gruppen kom överens om rollerna';
        // A text unlike the one saved before: leaving an unchanged field saves (and says) nothing.
        await dialog.getByLabel(reports[language].summary).fill(`${summary} (${name}).`);
        await page.keyboard.press('Tab');
        await dialog.getByText(reports[language].savedSummary).waitFor();
        // Nothing of the dialog runs off the side of the screen.
        const box = await dialog.boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= viewport.width).toBe(true);
        expect(describeViolations(blocking(await audit(page)))).toEqual([]);
        await screenshot(page, `report-dialog-${name}-${language}`);
        await dialog.getByRole('button', { name: reports[language].downloadLead + 'PDF' }).scrollIntoViewIfNeeded();
        await screenshot(page, `report-dialog-${name}-${language}-downloads`);
        await page.context().close();
      }
    });
  }
});
