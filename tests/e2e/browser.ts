import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';

/** Where screenshots go (git-ignored). */
export const RESULTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-results');

/** Debian's Chromium, headless, with nothing of its own phoning home. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * tldraw 5.1.1 rejects a promise of its own when a board is closed while its fonts still load
 * (its FontManager updates a font state the closed editor has cleared: tldraw issue 9114,
 * fixed upstream in pull request 9506, after this version). Nothing is lost or shown; a page
 * that closes its board early (a deleted workshop) meets it on a slow machine.
 */
function isTldrawFontRace(error: Error): boolean {
  return /^AtomMap: key .* not found$/.test(error.message);
}

/** Every URL the pages of a set of contexts asked for, WebSockets included. */
export class RequestLog {
  readonly urls: string[] = [];
  readonly errors: string[] = [];

  watch(context: BrowserContext): void {
    context.on('request', (request) => this.urls.push(request.url()));
    context.on('page', (page) => this.watchPage(page));
    for (const page of context.pages()) this.watchPage(page);
  }

  private watchPage(page: Page): void {
    page.on('websocket', (ws) => this.urls.push(ws.url()));
    page.on('pageerror', (error) => {
      if (isTldrawFontRace(error)) return;
      this.errors.push(`${page.url()}: ${error.message}\n${error.stack ?? ''}`);
    });
  }

  /** URLs that left Flet's own origin (data: and blob: are the page's own). */
  foreign(origin: string): string[] {
    const wsOrigin = origin.replace(/^http/, 'ws');
    return this.urls.filter(
      (url) =>
        !url.startsWith(`${origin}/`) &&
        url !== origin &&
        !url.startsWith(`${wsOrigin}/`) &&
        !url.startsWith('data:') &&
        !url.startsWith('blob:'),
    );
  }
}

/** Save a screenshot to test-results/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** A laptop-sized window. */
export const LAPTOP = { width: 1280, height: 800 };

/**
 * Chromium for one test file: every context it opens is watched for requests (and closed
 * with it), each context a separate person's browser with its own storage.
 */
export class BrowserSession {
  readonly requests = new RequestLog();
  private readonly contexts: BrowserContext[] = [];

  private constructor(readonly browser: Browser) {}

  static async launch(): Promise<BrowserSession> {
    return new BrowserSession(await launchBrowser());
  }

  /** A new context, laptop-sized and in English unless told otherwise. */
  async newContext(options: BrowserContextOptions = {}): Promise<BrowserContext> {
    const context = await this.browser.newContext({ viewport: LAPTOP, locale: 'en-GB', ...options });
    this.requests.watch(context);
    this.contexts.push(context);
    return context;
  }

  async close(): Promise<void> {
    for (const context of this.contexts.splice(0)) await context.close().catch(() => {});
    await this.browser.close();
  }
}

/** A test file's real server and Chromium, filled in once its tests start. */
export interface ServerAndBrowser {
  server: RunningServer;
  session: BrowserSession;
}

/**
 * Starts a real server and one Chromium before the calling file's (or describe block's)
 * tests and stops both after them. Hooks registered after this one run with both started, and
 * their afterAll runs before both stop (vitest runs after-hooks in reverse order).
 */
export function serverAndBrowser(): ServerAndBrowser {
  const started = {} as ServerAndBrowser;
  beforeAll(async () => {
    started.server = await startServer();
    started.session = await BrowserSession.launch();
  });
  afterAll(async () => {
    await started.session?.close();
    await started.server?.stop();
  });
  return started;
}
