import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import da from '../../client/i18n/da.json';
import en from '../../client/i18n/en.json';
import { templates as templateStrings } from '../../client/i18n/features/templates';
import sv from '../../client/i18n/sv.json';
import { views as viewStrings } from '../../client/i18n/features/views';
import type { Template } from '../../shared/domain/roles';
import { templatePlan } from '../../shared/domain/templates';
import { createWorkshop } from '../helpers/api';
import { eventually } from '../helpers/eventually';
import { gatherings as gatheringStrings } from '../../client/i18n/features/gatherings';
import { audit, blocking, describeViolations, installAxe } from './axe';
import { waitForCanvas } from './boardPage';
import { serverAndBrowser } from './browser';

const UI = {
  da: { start: da.start, templates: templateStrings.da, agenda: viewStrings.da.panels.steps, locale: 'da-DK' },
  sv: { start: sv.start, templates: templateStrings.sv, agenda: viewStrings.sv.panels.steps, locale: 'sv-SE' },
  en: { start: en.start, templates: templateStrings.en, agenda: viewStrings.en.panels.steps, locale: 'en-GB' },
} as const;

type UiLanguage = keyof typeof UI;

const LABEL_KEYS = {
  blank: 'blank',
  'vision-gathering': 'visionGathering',
  'keep-start-leave': 'keepStartLeave',
  'roles-and-boundaries': 'rolesAndBoundaries',
  'cross-cutting': 'crossCutting',
} as const satisfies Record<Template, string>;

const labelOf = (language: UiLanguage, template: Template) => UI[language].templates[LABEL_KEYS[template]].label;

describe('templates on the start page', () => {
  const started = serverAndBrowser();

  async function startPage(language: UiLanguage, viewport = { width: 1280, height: 800 }): Promise<Page> {
    const context = await started.session.newContext({ viewport, locale: UI[language].locale });
    await installAxe(context);
    const page = await context.newPage();
    await page.goto(`${started.server.url}/`);
    await page.getByRole('heading', { name: UI[language].start.createHeading }).waitFor();
    return page;
  }

  /** The names of the frames on the board's current page, as its editor holds them. */
  const frameNames = (page: Page) =>
    page.evaluate(() => {
      const editor = window.__fletEditor!;
      return editor
        .getCurrentPageShapesSorted()
        .filter((shape) => shape.type === 'frame')
        .map((shape) => (shape.props as { name: string }).name);
    });


  it.each(['da', 'en', 'sv'] as const)('offers the five templates by name in the %s start page, blank chosen', async (language) => {
    const page = await startPage(language);
    const group = page.getByRole('group', { name: UI[language].templates.legend });
    const radios = group.getByRole('radio');
    expect(await radios.count()).toBe(5);
    for (const template of Object.keys(LABEL_KEYS) as Template[]) {
      const radio = group.getByRole('radio', { name: labelOf(language, template), exact: true });
      expect(await radio.count()).toBe(1);
    }
    expect(await group.getByRole('radio', { name: labelOf(language, 'blank'), exact: true }).isChecked()).toBe(true);
    // Each choice says in one line what it lays out.
    const description = await group
      .getByRole('radio', { name: labelOf(language, 'keep-start-leave'), exact: true })
      .evaluate((input) => input.getAttribute('aria-describedby')?.split(' ').map((id) => document.getElementById(id)?.textContent).join(' '));
    expect(description).toBe(UI[language].templates.keepStartLeave.description);
    const result = await audit(page);
    expect(describeViolations(blocking(result))).toEqual([]);
  });

  it('is chosen with the keyboard alone', async () => {
    const page = await startPage('en');
    const blank = page.getByRole('radio', { name: labelOf('en', 'blank'), exact: true });
    await blank.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('radio', { name: labelOf('en', 'keep-start-leave'), exact: true }).isChecked()).toBe(true);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('keep-start-leave');
  });

  const creations: Array<{ template: Exclude<Template, 'blank'>; ui: UiLanguage; workshopLanguage: 'da' | 'sv' | 'en' }> = [
    { template: 'vision-gathering', ui: 'da', workshopLanguage: 'da' },
    { template: 'keep-start-leave', ui: 'sv', workshopLanguage: 'sv' },
    { template: 'roles-and-boundaries', ui: 'en', workshopLanguage: 'sv' },
    { template: 'cross-cutting', ui: 'en', workshopLanguage: 'en' },
  ];

  it.each(creations)('creating from $template opens a board with its step frames in the workshop language', async ({ template, ui, workshopLanguage }) => {
    const page = await startPage(ui);
    await page.getByLabel(UI[ui].start.titleLabel).fill(`Workshop ${template}`);
    await page.getByLabel(UI[ui].start.languageLabel).selectOption(workshopLanguage);
    await page.getByRole('radio', { name: labelOf(ui, template), exact: true }).check();
    await page.getByRole('button', { name: UI[ui].start.create }).click();
    await page.waitForURL(/\/w\/[^/#]+$/);
    await waitForCanvas(page);

    const [gathering] = templatePlan(template, workshopLanguage).gatherings;
    const expected = gathering.steps.map((step) => step.title);
    await eventually(async () => expect(await frameNames(page)).toEqual(expected), { timeout: 15_000 });
    // The agenda lists the steps in order, with their questions; the step bar shows the first.
    // (The board speaks the workshop's language once it is created here.)
    await page.getByRole('button', { name: UI[workshopLanguage].agenda, exact: true }).click();
    const agenda = page.getByRole('complementary', { name: UI[workshopLanguage].agenda });
    await eventually(async () =>
      expect((await agenda.locator('.step-item-title').allTextContents()).map((text, index) => (index === 0 ? text.startsWith(expected[0]) : text))).toEqual([
        true,
        ...expected.slice(1),
      ]),
    );
    for (const step of gathering.steps.filter((s) => s.prompt)) expect(await agenda.getByText(step.prompt, { exact: true }).count()).toBe(1);
    expect(await page.getByRole('region', { name: /./ }).filter({ hasText: expected[0] }).count()).toBeGreaterThan(0);
    // The frames' names are drawn on the canvas, where people read them.
    await page.evaluate(() => {
      window.__fletEditor!.zoomToFit({ animation: { duration: 0 } });
    });
    await eventually(async () => {
      const drawn = await page.locator('.tl-frame-heading').allTextContents();
      expect(drawn.map((text) => text.replace(/\u200b/g, '').trim()).sort()).toEqual([...expected].sort());
    });
    if (template === 'keep-start-leave') {
      await page.screenshot({ path: '/tmp/templates-board-keep-start-leave.png' });
    }
  });

  it('a gathering added later takes the template’s agenda when the facilitator leaves it ticked', async () => {
    const workshop = await createWorkshop(started.server, { title: 'Vision', language: 'da', template: 'vision-gathering' });
    const context = await started.session.newContext({ viewport: { width: 1280, height: 800 }, locale: 'da-DK' });
    const page = await context.newPage();
    await page.goto(`${started.server.url}/w/${workshop.id}#token=${workshop.facilitatorToken}`);
    await waitForCanvas(page);
    const strings = gatheringStrings.da;
    const planned = templatePlan('vision-gathering', 'da').gatherings[0].steps.map((step) => step.title);
    await page.getByRole('button', { name: viewStrings.da.panels.gatherings, exact: true }).click();
    const withSteps = page.getByRole('checkbox', { name: strings.panel.withTemplateSteps.replace('{{count}}', String(planned.length)) });
    expect(await withSteps.isChecked()).toBe(true);
    await page.getByLabel(strings.form.title, { exact: true }).fill('Tasiilaq');
    await page.getByRole('button', { name: strings.form.add, exact: true }).click();
    await eventually(async () => {
      const framesOfTasiilaq = await page.evaluate(() => {
        const editor = window.__fletEditor!;
        const tasiilaq = editor.getPages().find((p) => p.name === 'Tasiilaq');
        if (!tasiilaq) return null;
        return [...editor.getPageShapeIds(tasiilaq.id)]
          .map((id) => editor.getShape(id)!)
          .filter((shape) => shape.type === 'frame')
          .map((shape) => (shape.props as { name: string }).name);
      });
      expect(framesOfTasiilaq?.sort()).toEqual([...planned].sort());
    });
    await context.close();
  });

  it('fits a phone and a projector', async () => {
    const phone = await startPage('da', { width: 390, height: 844 });
    await phone.getByRole('radio', { name: labelOf('da', 'roles-and-boundaries'), exact: true }).check();
    await phone.screenshot({ path: '/tmp/templates-start-390.png', fullPage: true });
    const phoneOverflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(phoneOverflow).toBeLessThanOrEqual(0);
    const projector = await startPage('en', { width: 1920, height: 1080 });
    await projector.screenshot({ path: '/tmp/templates-start-1920.png', fullPage: true });
    const projectorOverflow = await projector.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(projectorOverflow).toBeLessThanOrEqual(0);
  });
});
