import { describe, expect, it } from 'vitest';
import { exporting } from '../../client/i18n/features/exporting';
import { reports } from '../../client/i18n/features/reports';
import { views } from '../../client/i18n/features/views';
import { gatheringsOf } from '../../shared/domain/gatherings';
import { createWorkshop } from '../helpers/api';
import { connectClient } from '../helpers/yjsClient';
import { audit, blocking, describeViolations, installAxe } from './axe';
import { waitForCanvas } from './boardPage';
import { screenshot, serverAndBrowser } from './browser';

const started = serverAndBrowser();

/** The report dialog, the narrative's downloads and the weave's (an empty workshop: the figure has no strand to focus) in Danish and Swedish on a touch phone, a laptop and a projector. */
describe('the export views pass axe at every size', () => {
  for (const language of ['da', 'sv'] as const) {
    it(`in ${language}`, async () => {
      const workshop = await createWorkshop(started.server, { title: language === 'da' ? 'Roller i Kerteminde' : 'Roller i Nynäshamn', language, template: 'roles-and-boundaries' });
      const facilitator = connectClient(started.server, workshop.id, workshop.facilitatorToken);
      await facilitator.synced();
      const gathering = gatheringsOf(facilitator.doc)[0];
      facilitator.destroy();
      const found: string[] = [];
      for (const [name, viewport, touch] of [
        ['390', { width: 390, height: 844 }, true],
        ['1280', { width: 1280, height: 800 }, false],
        ['1920', { width: 1920, height: 1080 }, false],
      ] as const) {
        const context = await started.session.newContext({ viewport, hasTouch: touch, isMobile: touch });
        await installAxe(context);
        const page = await context.newPage();
        await page.goto(`${started.server.url}/w/${workshop.id}?view=canvas#token=${workshop.facilitatorToken}`);
        await waitForCanvas(page);
        await page.getByRole('button', { name: views[language].panels.gatherings, exact: true }).click();
        const panel = page.getByRole('complementary', { name: views[language].panels.gatherings });
        await panel.getByRole('button', { name: `${reports[language].open} ${gathering.title}` }).click();
        const dialog = page.getByRole('dialog');
        await dialog.waitFor();
        found.push(...describeViolations(blocking(await audit(page))).map((v) => `report ${name}: ${v}`));
        await screenshot(page, `export-views-report-${language}-${name}`);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden' });
        await page.getByRole('button', { name: views[language].narrative, exact: true }).first().click();
        await page.getByText(exporting[language].heading).first().waitFor();
        found.push(...describeViolations(blocking(await audit(page))).map((v) => `narrative ${name}: ${v}`));
        await screenshot(page, `export-views-narrative-${language}-${name}`);
        await page.getByRole('button', { name: views[language].weave, exact: true }).first().click();
        await page.getByText(exporting[language].weaveHeading).first().waitFor();
        found.push(...describeViolations(blocking(await audit(page))).map((v) => `weave ${name}: ${v}`));
        await screenshot(page, `export-views-weave-${language}-${name}`);
        await context.close();
      }
      expect(found).toEqual([]);
    });
  }
});
