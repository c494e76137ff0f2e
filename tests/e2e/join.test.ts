import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';
import { waitForCanvas } from './boardPage';
import { launchBrowser, RequestLog, screenshot } from './browser';

describe('joining a workshop in a browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const requests = new RequestLog();
  let joinCode: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const response = await fetch(`${server.url}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Værksted i Tasiilaq', language: 'da' }),
    });
    joinCode = ((await response.json()) as { joinCode: string }).joinCode;
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'da-DK' });
    requests.watch(context);
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('says in a sentence when a code is wrong', async () => {
    await page.goto(`${server.url}/`);
    await page.getByLabel('Deltagerkode').fill('NOPE000');
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    await page.waitForURL(/\/join\/NOPE000$/);
    await page.locator('input[name="group"][value="citizen"]').check();
    await page.getByRole('button', { name: 'Gå til tavlen' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Der findes ingen workshop med koden NOPE000. Tjek koden og prøv igen.');
    await screenshot(page, 'laptop-join-wrong-code');
  });

  it('asks for a group before joining, and lets a person stay anonymous', async () => {
    await page.goto(`${server.url}/join/${joinCode}`);
    await page.getByRole('button', { name: 'Gå til tavlen' }).click();
    expect(await page.getByRole('alert').textContent()).toBe('Vælg den gruppe, du hører til.');
    await page.getByLabel('Forening').check();
    await screenshot(page, 'laptop-join');
    await page.getByRole('button', { name: 'Gå til tavlen' }).click();
    await page.waitForURL(/\/w\//);
    await waitForCanvas(page);
    expect(await page.locator('.identity').textContent()).toContain('Forening');
    expect(await page.locator('html').getAttribute('lang')).toBe('da');
    // tldraw's own tools speak the workshop's language too.
    await expect
      .poll(() => page.locator('[data-testid="tools.eraser"]').first().getAttribute('aria-label'), { timeout: 10_000 })
      .toMatch(/^Viskelæder/);

    // A participant may read the board in another language.
    await page.getByLabel('Sprog').selectOption('en');
    await expect
      .poll(() => page.locator('[data-testid="tools.eraser"]').first().getAttribute('aria-label'), { timeout: 10_000 })
      .toMatch(/^Eraser/);
    expect(await page.getByRole('status').first().textContent()).toBe('Connected');
    await page.getByLabel('Language').selectOption('da');
  });

  it('keeps the same participant when the same browser joins again', async () => {
    const first = await page.evaluate((code) => localStorage.getItem(`flet:join:${code}`), joinCode);
    expect(first).toBeTruthy();
    await page.goto(`${server.url}/join/${joinCode}`);
    await page.waitForURL(/\/w\//);
    await waitForCanvas(page);
    const again = await page.evaluate((code) => localStorage.getItem(`flet:join:${code}`), joinCode);
    expect(again).toBe(first);
    const meta = await page.evaluate(() => window.__fletEditor?.user.getId());
    expect(meta).toBe(`participant:${(JSON.parse(first!) as { participantId: string }).participantId}`);
  });

  it('makes no request to any host but Flet', () => {
    expect(requests.foreign(server.url)).toEqual([]);
  });
});
