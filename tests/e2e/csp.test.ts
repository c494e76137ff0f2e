import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { eventually } from '../helpers/eventually';
import { notesOn, waitForCanvas } from './boardPage';
import { screenshot, serverAndBrowser } from './browser';

const NOTE_TEXT = 'A library bus for the settlements';
/** Name of the function the pages call with each violation they see. */
const REPORT_BINDING = 'fletReportCspViolation';

/** What a page told us about a refused load, script, style or connection. */
interface Violation {
  page: string;
  directive: string;
  blocked: string;
  sample: string;
}

describe('the Content Security Policy in a browser', () => {
  const started = serverAndBrowser();
  const violations: Violation[] = [];
  const consoleMessages: string[] = [];
  let facilitator: Page;
  let participant: Page;
  let joinUrl: string;
  let projectorUrl: string;

  /** A browser context whose every page reports CSP violations, by event and in the console. */
  async function newPage(): Promise<Page> {
    const context = await started.session.newContext();
    await context.exposeBinding(REPORT_BINDING, ({ page }, violation: Omit<Violation, 'page'>) => {
      violations.push({ page: page.url(), ...violation });
    });
    await context.addInitScript((binding: string) => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as Record<string, (violation: object) => void>)[binding];
        report({ directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample });
      });
    }, REPORT_BINDING);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (/Content.Security.Policy|Refused to/i.test(message.text())) consoleMessages.push(`${page.url()}: ${message.text()}`);
    });
    return page;
  }

  /** Lets a page finish what it loads lazily (fonts, translations, icons) before we judge it. */
  async function settle(page: Page): Promise<void> {
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.waitForLoadState('networkidle');
  }


  it('serves the start page under the policy, and a facilitator creates a workshop', async () => {
    facilitator = await newPage();
    const response = await facilitator.goto(`${started.server.url}/`);
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("script-src 'self';");
    expect(policy).not.toMatch(/unsafe-eval/);
    await settle(facilitator);

    await facilitator.getByLabel('Workshop title').fill('Library services, Tasiilaq');
    await facilitator.getByLabel('Workshop language').selectOption('en');
    await facilitator.getByRole('button', { name: 'Create workshop' }).click();
    await facilitator.waitForURL(/\/w\/[^/#]+$/);
    await waitForCanvas(facilitator);
    await eventually(async () => expect(await facilitator.getByRole('status').first().textContent()).toBe('Connected'));
    joinUrl = (await facilitator.getByTestId('join-link').getAttribute('href')) ?? '';
    projectorUrl = (await facilitator.getByTestId('projector-link').getAttribute('href')) ?? '';
    await facilitator.getByTestId('join-qr').waitFor();
    // The full-screen invitation draws the big QR code.
    await facilitator.getByRole('button', { name: 'Show full screen' }).click();
    await facilitator.getByRole('dialog').getByRole('img').waitFor();
    await settle(facilitator);
    await screenshot(facilitator, 'csp-invite-full-screen');
    await facilitator.keyboard.press('Escape');
    await screenshot(facilitator, 'csp-facilitator');
  });

  it('lets a participant join and add a note', async () => {
    participant = await newPage();
    await participant.goto(joinUrl);
    await settle(participant);
    await participant.getByLabel('Your name (optional)').fill('Ivalu');
    await participant.locator('input[name="group"][value="citizen"]').check();
    await participant.getByRole('button', { name: 'Join the board' }).click();
    await participant.waitForURL(/\/w\//);
    await waitForCanvas(participant);

    const area = await participant.locator('.tl-canvas').first().boundingBox();
    if (!area) throw new Error('the board has no canvas');
    await participant.mouse.click(area.x + area.width / 2, area.y + area.height / 2);
    await participant.keyboard.press('n');
    await participant.mouse.click(area.x + area.width * 0.45, area.y + area.height * 0.4);
    await participant.waitForFunction(() => Boolean(window.__fletEditor?.getEditingShapeId()));
    await participant.locator('.tl-shape[data-shape-type="note"] [contenteditable="true"]').first().waitFor();
    await participant.keyboard.type(NOTE_TEXT);
    await participant.keyboard.press('Escape');
    await eventually(async () => expect((await notesOn(facilitator)).map((note) => note.text)).toContain(NOTE_TEXT), {
      timeout: 10_000,
    });
    await settle(participant);
    await screenshot(participant, 'csp-participant');
  });

  it('shows the board on the projector', async () => {
    const projector = await newPage();
    await projector.goto(projectorUrl);
    await waitForCanvas(projector);
    await eventually(async () => expect((await notesOn(projector)).map((note) => note.text)).toContain(NOTE_TEXT), {
      timeout: 10_000,
    });
    await settle(projector);
    await screenshot(projector, 'csp-projector');
  });

  it('saw no violation of the policy on any of these pages', () => {
    expect(violations).toEqual([]);
    expect(consoleMessages).toEqual([]);
    expect(started.session.requests.errors).toEqual([]);
    // The pages did connect to the board's socket, which connect-src allows.
    expect(started.session.requests.urls.some((url) => url.startsWith(`${started.server.url.replace(/^http/, 'ws')}/ws/`))).toBe(true);
  });

  it('would have noticed one: an inline script is refused and reported', async () => {
    const page = await newPage();
    await page.goto(`${started.server.url}/`);
    const before = violations.length;
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.title = "inline ran"';
      document.body.append(script);
    });
    await eventually(() => expect(violations.length).toBeGreaterThan(before));
    expect(violations.at(-1)).toMatchObject({ directive: 'script-src-elem', blocked: 'inline' });
    expect(await page.title()).not.toBe('inline ran');
    await eventually(() =>
      expect(consoleMessages.some((message) => /inline script violates the following Content Security Policy/.test(message))).toBe(true),
    );
  });
});
