import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addGathering } from '../../shared/domain/gatherings';
import { processNotesOf } from '../../shared/domain/notes';
import { addStep, setCurrentStep, type Step } from '../../shared/domain/steps';
import { openVote } from '../../shared/domain/votes';
import { recordsOf } from '../../shared/schema';
import { createWorkshop, type CreatedWorkshop } from '../helpers/api';
import { eventually } from '../helpers/eventually';
import { connectClient, type TestClient } from '../helpers/yjsClient';
import { audit, blocking, describeViolations, installAxe } from './axe';
import { serverAndBrowser } from './browser';

/** What has the keyboard focus: its role-ish kind and the name a person hears. */
function focused(page: Page): Promise<{ tag: string; type: string; name: string; checked: boolean }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLInputElement | null;
    if (!element) return { tag: '', type: '', name: '', checked: false };
    const label = element.labels?.[0]?.textContent ?? '';
    const name = element.getAttribute('aria-label') ?? (label || element.textContent || '');
    return { tag: element.tagName.toLowerCase(), type: element.type ?? '', name: name.trim(), checked: Boolean(element.checked) };
  });
}

/** Press Tab until the focus is on what `name` names (at most 30 times). */
async function tabTo(page: Page, name: string | RegExp): Promise<void> {
  for (let presses = 0; presses < 30; presses++) {
    const now = await focused(page);
    if (typeof name === 'string' ? now.name === name : name.test(now.name)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${String(name)}; focus is on ${JSON.stringify(await focused(page))}`);
}

describe('the phone view with the keyboard alone, and axe', () => {
  const started = serverAndBrowser();
  let workshop: CreatedWorkshop;
  let observer: TestClient;
  let page: Page;
  let step: Step;

  beforeAll(async () => {
    workshop = await createWorkshop(started.server, { title: 'Kerteminde 2035', language: 'en' });
    observer = connectClient(started.server, workshop.id, workshop.facilitatorToken);
    await observer.synced();
    const gathering = addGathering(observer.doc, { title: 'Town hall', place: 'Kerteminde', date: '2025-04-02' });
    step = addStep(observer.doc, gathering.id, { title: 'Keep', prompt: 'What should we hold on to?' });
    addStep(observer.doc, gathering.id, { title: 'Start', prompt: 'What should we begin?' });
    setCurrentStep(observer.doc, step.id);
  });

  afterAll(async () => {
    observer?.destroy();
  });

  it('joins by the QR link and writes a note with the keyboard only', async () => {
    const context = await started.session.newContext({ viewport: { width: 390, height: 844 } });
    await installAxe(context);
    page = await context.newPage();
    await page.goto(`${started.server.url}/join/${workshop.joinCode}`);
    await page.getByRole('heading', { name: 'Join the workshop' }).waitFor();

    await tabTo(page, 'Your name (optional)');
    await page.keyboard.type('Søren');
    await page.keyboard.press('Tab');
    // In the group of radio buttons the arrows choose.
    expect((await focused(page)).type).toBe('radio');
    for (let presses = 0; presses < 10 && (await focused(page)).name !== 'Citizen'; presses++) await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toMatchObject({ name: 'Citizen', checked: true });
    await tabTo(page, 'Join the board');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 2, name: 'Keep' }).waitFor();
    await tabTo(page, 'Your note');
    expect((await focused(page)).tag).toBe('textarea');
    await page.keyboard.type('The harbour festival');
    await tabTo(page, 'Add note');
    await page.keyboard.press('Enter');

    const written = await eventually(() => {
      const note = processNotesOf(observer.doc).find((candidate) => candidate.text === 'The harbour festival');
      expect(note).toBeDefined();
      return note!;
    });
    expect(recordsOf(observer.doc).get(written.id)?.get('parentId')).toBe(step.frameId);
    expect(written.group).toBe('citizen');
    // The box kept the focus, ready for the next note.
    await eventually(async () => expect((await focused(page)).name).toBe('Your note'));
    await page.getByRole('region', { name: 'My notes' }).getByText('The harbour festival').waitFor();
  });

  it('edits a note with the keyboard, and the focus comes back to it', async () => {
    await tabTo(page, 'Edit note: The harbour festival');
    await page.keyboard.press('Enter');
    await eventually(async () => expect(await focused(page)).toMatchObject({ tag: 'textarea', name: 'Change your note' }));
    await page.keyboard.press('End');
    await page.keyboard.type(' in August');
    await tabTo(page, 'Save');
    await page.keyboard.press('Enter');
    await eventually(() => expect(processNotesOf(observer.doc).some((note) => note.text === 'The harbour festival in August')).toBe(true));
    await eventually(async () => expect((await focused(page)).name).toBe('Edit note: The harbour festival in August'));
  });

  it('has no serious or critical axe violation: the view, an open edit, a delete to confirm', async () => {
    const problems: string[] = [];
    problems.push(...describeViolations(blocking(await audit(page))));
    await page.getByRole('button', { name: 'Edit note: The harbour festival in August' }).press('Enter');
    await page.getByLabel('Change your note').waitFor();
    problems.push(...describeViolations(blocking(await audit(page))));
    await page.getByRole('button', { name: 'Cancel' }).press('Enter');
    await page.getByRole('button', { name: 'Delete note: The harbour festival in August' }).press('Enter');
    await page.getByText('Delete this note for everyone?').waitFor();
    // The safe answer has the focus.
    await eventually(async () => expect((await focused(page)).name).toBe('Keep it'));
    problems.push(...describeViolations(blocking(await audit(page))));
    await page.keyboard.press('Enter');
    expect(problems).toEqual([]);
  });

  it("gives a dot in the room's vote with the keyboard, and the ballot passes axe too", async () => {
    const noteId = processNotesOf(observer.doc).find((note) => note.text === 'The harbour festival in August')!.id;
    openVote(observer.doc, { title: 'What matters most', noteIds: [noteId], budget: 3, several: true, stepId: step.id }, Date.now());
    await page.getByRole('heading', { name: 'Your vote: What matters most' }).waitFor();
    await tabTo(page, 'Add a dot to The harbour festival in August');
    await page.keyboard.press('Enter');
    // One press at a time: the ballot reads the dots given as of its last render (votes' Ballot).
    await page.getByText('2 of 3 dots left').waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('1 of 3 dots left').waitFor();
    expect(describeViolations(blocking(await audit(page)))).toEqual([]);
  });

  it('keeps every target at least 44 px and every text at least 16 px', async () => {
    const small = await page.evaluate(() => {
      const found: string[] = [];
      for (const element of document.querySelectorAll<HTMLElement>('.phone button, .phone textarea, .phone select')) {
        const box = element.getBoundingClientRect();
        if (box.height < 44 || box.width < 44) found.push(`${element.tagName} "${element.textContent}" ${box.width}×${box.height}`);
      }
      for (const element of document.querySelectorAll<HTMLElement>('.phone *')) {
        if (!element.childNodes.length || ![...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim())) continue;
        if (element.closest('.visually-hidden')) continue;
        const size = parseFloat(getComputedStyle(element).fontSize);
        if (size < 16) found.push(`${element.tagName} "${element.textContent}" ${size}px`);
      }
      return found;
    });
    expect(small).toEqual([]);
  });

  it('leaves no page error', () => {
    expect(started.session.requests.errors).toEqual([]);
  });
});
