import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import da from '../../client/i18n/da.json';
import sv from '../../client/i18n/sv.json';
import { connectClient } from '../helpers/yjsClient';
import { createWorkshop, joinWorkshop, type CreatedWorkshop, type JoinedWorkshop } from '../helpers/api';
import { addNote, notesOf } from '../helpers/board';
import { eventually } from '../helpers/eventually';
import { startServer, type RunningServer } from '../helpers/server';
import { audit, blocking, describeViolations, installAxe, type Audit } from './axe';
import { notesOn, waitForCanvas } from './boardPage';
import { launchBrowser, RequestLog } from './browser';

/** Screenshots of the phone and projector-sized views, for a person to look at (outside the repository). */
const SHOTS_DIR = process.env.FLET_A11Y_SHOTS ?? '/tmp/flet-accessibility';

/**
 * Left out of every audit: nothing. The whole document is audited, tldraw's canvas and its
 * tools included. Should tldraw's own drawing surface ever have to be left out, its selector
 * goes here with the rule that made it necessary. Text on the canvas (a note's words, the
 * name under it) is drawn under tldraw's overlay layers, so axe leaves its contrast
 * undecided: the report lists it for a person to judge.
 */
const EXCLUDED: readonly string[] = [];

interface Viewport {
  name: string;
  width: number;
  height: number;
  /** A phone: touch, a mobile viewport, a dense screen. */
  phone: boolean;
  /** Keep a screenshot of each view at this size. */
  keepScreenshots: boolean;
}

const VIEWPORTS: Viewport[] = [
  { name: 'phone', width: 390, height: 844, phone: true, keepScreenshots: true },
  { name: 'laptop', width: 1280, height: 800, phone: false, keepScreenshots: false },
  { name: 'projector-size', width: 1920, height: 1080, phone: false, keepScreenshots: true },
];

type Strings = typeof da;

interface Language {
  language: 'da' | 'sv';
  locale: string;
  strings: Strings;
  /** What is written on the board. */
  notes: { welcome: string; citizen: string; business: string; typed: string };
}

const LANGUAGES: Language[] = [
  {
    language: 'da',
    locale: 'da-DK',
    strings: da,
    notes: { welcome: 'Velkommen', citizen: 'Flere bænke ved kajen', business: 'Længere åbningstider', typed: 'Legeplads ved skolen' },
  },
  {
    language: 'sv',
    locale: 'sv-SE',
    strings: sv,
    notes: { welcome: 'Välkommen', citizen: 'Fler bänkar vid kajen', business: 'Längre öppettider', typed: 'Lekplats vid skolan' },
  },
];

/** Notes on each board: three written by clients, one typed in a browser. */
const NOTES = 4;
/** A code no workshop has. */
const WRONG_CODE = 'NOPE000';
/** A page a participant writes behind the editor's back: pages are the facilitator's, so the server refuses it. */
const FORBIDDEN_PAGE = { id: 'page:forbidden', typeName: 'page', name: 'A page made by a participant', index: 'a5', meta: {} };

/** A workshop in one language, with notes from the facilitator and two groups. */
interface Fixture {
  workshop: CreatedWorkshop;
  participant: JoinedWorkshop;
}

/** Everything a view needs to be opened. */
interface Visit {
  server: RunningServer;
  fixture: Fixture;
  lang: Language;
  page: Page;
}

/** A view a person meets, opened and made ready to be audited. */
interface View {
  name: string;
  /** Opens the view; what it returns is called once the audit is done (e.g. to let a reload go on). */
  open(visit: Visit): Promise<void | (() => void)>;
}

/** The invitation opens beside the board on a laptop and folded on a phone: open it when folded. */
async function openInvitation(page: Page, lang: Language): Promise<void> {
  const show = page.getByRole('button', { name: lang.strings.share.show, exact: true });
  if (await show.isVisible()) await show.click();
}

async function boardIsConnected(page: Page): Promise<void> {
  await waitForCanvas(page);
  await eventually(async () => expect(await page.locator('[data-status]').first().getAttribute('data-status')).toBe('connected'), {
    timeout: 15_000,
  });
}

const VIEWS: View[] = [
  {
    name: 'start page',
    async open({ server, page, lang }) {
      await page.goto(`${server.url}/`);
      await page.getByRole('heading', { name: lang.strings.start.createHeading }).waitFor();
    },
  },
  {
    name: 'join page',
    async open({ server, page, fixture, lang }) {
      await page.goto(`${server.url}/join/${fixture.workshop.joinCode}`);
      await page.getByRole('heading', { name: lang.strings.join.heading }).waitFor();
    },
  },
  {
    name: 'join page with a wrong code',
    async open({ server, page, lang }) {
      await page.goto(`${server.url}/join/${WRONG_CODE}`);
      await page.locator('input[name="group"][value="citizen"]').check();
      await page.getByRole('button', { name: lang.strings.join.submit }).click();
      await eventually(async () =>
        expect(await page.getByRole('alert').textContent()).toBe(lang.strings.errors.wrongCode.replace('{{code}}', WRONG_CODE)),
      );
    },
  },
  {
    name: "facilitator's board with the invitation",
    async open({ server, page, fixture, lang }) {
      await page.goto(`${server.url}/w/${fixture.workshop.id}?view=canvas#token=${fixture.workshop.facilitatorToken}`);
      await boardIsConnected(page);
      await openInvitation(page, lang);
      await page.getByTestId('join-qr').waitFor();
    },
  },
  {
    name: "facilitator's full-screen invitation",
    async open({ server, page, fixture, lang }) {
      await page.goto(`${server.url}/w/${fixture.workshop.id}?view=canvas#token=${fixture.workshop.facilitatorToken}`);
      await boardIsConnected(page);
      await openInvitation(page, lang);
      await page.getByRole('button', { name: lang.strings.share.showBig }).click();
      await page.getByRole('dialog').getByRole('img').waitFor();
    },
  },
  {
    name: "participant's board",
    async open({ server, page, fixture }) {
      await page.goto(`${server.url}/w/${fixture.workshop.id}?view=canvas#token=${fixture.participant.token}`);
      await boardIsConnected(page);
      await eventually(async () => expect(await notesOn(page)).toHaveLength(NOTES));
    },
  },
  {
    name: 'projector',
    async open({ server, page, fixture }) {
      await page.goto(`${server.url}/p/${fixture.workshop.id}?view=canvas#token=${fixture.workshop.projectorToken}`);
      await waitForCanvas(page);
      await eventually(async () => expect(await page.locator('.tl-shape[data-shape-type="note"]').count()).toBe(NOTES), { timeout: 15_000 });
    },
  },
  {
    name: 'refusal after a forbidden change',
    async open({ server, page, fixture, lang }) {
      await page.goto(`${server.url}/w/${fixture.workshop.id}?view=canvas#token=${fixture.participant.token}`);
      await boardIsConnected(page);
      // The page reloads a few seconds after the refusal; the reload waits for the audit.
      let release = (): void => {};
      const audited = new Promise<void>((resolve) => (release = resolve));
      await page.route(
        (url) => url.pathname.startsWith('/w/'),
        async (route) => {
          if (route.request().isNavigationRequest()) await audited;
          await route.continue();
        },
      );
      // Behind the editor's back (its rules would stop it), straight into the document.
      await page.evaluate((record) => {
        const doc = window.__fletDoc!;
        const records = doc.getMap('records');
        const Fields = records.constructor as new () => typeof records;
        doc.transact(() => {
          const fields = new Fields();
          records.set(record.id, fields);
          for (const [key, value] of Object.entries(record)) fields.set(key, value);
        });
      }, FORBIDDEN_PAGE);
      await eventually(async () => expect(await page.getByRole('alert').textContent()).toContain(lang.strings.board.refused), {
        timeout: 10_000,
      });
      return release;
    },
  },
];

/** At most `size` tasks at once. */
class Slots {
  private free: number;
  private readonly waiting: Array<() => void> = [];

  constructor(size: number) {
    this.free = size;
  }

  async use<T>(task: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    }
  }
}

/** Lets a page finish what it loads lazily (fonts, translations, icons) before it is judged. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForLoadState('networkidle');
}

interface Finding {
  language: string;
  viewport: string;
  view: string;
  result: Audit;
  ms: number;
}

describe('accessibility of every view, on a phone, a laptop and a projector, in Danish and Swedish', () => {
  let server: RunningServer;
  let browser: Browser;
  const requests = new RequestLog();
  const fixtures = new Map<string, Fixture>();
  const findings: Finding[] = [];
  const slots = new Slots(3);

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    mkdirSync(SHOTS_DIR, { recursive: true });
    for (const { language, notes } of LANGUAGES) {
      const workshop = await createWorkshop(server, { title: language === 'da' ? 'Borgermøde om havnen' : 'Medborgardialog om hamnen', language });
      const participant = await joinWorkshop(server, workshop.joinCode, 'citizen', 'Ivalu');
      const business = await joinWorkshop(server, workshop.joinCode, 'business', 'Bo');
      // Notes on the board, as a workshop has them: the facilitator's and two groups'.
      const writers = [
        { token: workshop.facilitatorToken, author: null, text: notes.welcome },
        { token: participant.token, author: { participantId: participant.participantId, group: 'citizen' as const }, text: notes.citizen },
        { token: business.token, author: { participantId: business.participantId, group: 'business' as const }, text: notes.business },
      ];
      const observer = connectClient(server, workshop.id, workshop.facilitatorToken);
      await observer.synced();
      for (const [index, writer] of writers.entries()) {
        const client = connectClient(server, workshop.id, writer.token);
        await client.synced();
        addNote(client.doc, `shape:seed-${index}`, writer.text, writer.author, 120 + index * 260, 160);
        await eventually(() => expect(Object.keys(notesOf(observer.doc))).toHaveLength(index + 1));
        client.destroy();
      }
      // And one typed in a browser, as a person does: tldraw then shows who wrote it.
      const writer = await joinWorkshop(server, workshop.joinCode, 'association', 'Aputsiaq');
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
      requests.watch(context);
      const page = await context.newPage();
      await page.goto(`${server.url}/w/${workshop.id}?view=canvas#token=${writer.token}`);
      await boardIsConnected(page);
      const area = (await page.locator('.tl-canvas').first().boundingBox())!;
      await page.mouse.click(area.x + area.width / 2, area.y + area.height / 2);
      await page.keyboard.press('n');
      await page.mouse.click(area.x + area.width * 0.5, area.y + area.height * 0.75);
      await page.waitForFunction(() => Boolean(window.__fletEditor?.getEditingShapeId()));
      await page.locator('.tl-shape[data-shape-type="note"] [contenteditable="true"]').first().waitFor();
      await page.keyboard.type(notes.typed);
      await page.keyboard.press('Escape');
      await eventually(() => expect(Object.values(notesOf(observer.doc))).toContain(notes.typed));
      await context.close();
      observer.destroy();
      fixtures.set(language, { workshop, participant });
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    const order = (f: Finding): string => `${f.language} ${VIEWPORTS.findIndex((v) => v.name === f.viewport)} ${VIEWS.findIndex((v) => v.name === f.view)}`;
    const unclear = new Map<string, Set<string>>();
    for (const f of [...findings].sort((a, b) => order(a).localeCompare(order(b)))) {
      console.log(
        `${f.language} ${f.viewport.padEnd(14)} ${f.view.padEnd(40)} ${f.result.violations.length} violations (${blocking(f.result).length} serious/critical), ${f.result.passes} rules passed, ${f.ms} ms`,
      );
      for (const line of describeViolations(f.result.violations)) console.log(`    ${line}`);
      for (const rule of f.result.incomplete) {
        for (const node of rule.nodes) {
          const key = `${rule.rule} ${node.target}: ${node.summary}`;
          unclear.set(key, (unclear.get(key) ?? new Set()).add(`${f.language}/${f.viewport}/${f.view}`));
        }
      }
    }
    console.log('left for a person to judge (axe could not decide):');
    for (const [key, views] of unclear) console.log(`  ${key} [${views.size} views, e.g. ${[...views][0]}]`);
  });

  /** Opens a context as a person in `lang` on `viewport` would have it, with axe in its pages. */
  async function newContext(lang: Language, viewport: Viewport): Promise<BrowserContext> {
    const context = await browser.newContext({
      viewport: { width: viewport.width, height: viewport.height },
      locale: lang.locale,
      ...(viewport.phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
    });
    requests.watch(context);
    await installAxe(context);
    return context;
  }

  // The views are audited a few at a time: each has its own context, and the machine has two cores.
  describe.concurrent('each view', () => {
    for (const lang of LANGUAGES) {
      for (const viewport of VIEWPORTS) {
        for (const view of VIEWS) {
          it(`${view.name} in ${lang.language} at ${viewport.width}×${viewport.height} has no serious or critical WCAG 2.1 AA violation`, async ({
            expect,
          }) => {
            const result = await slots.use(async () => {
              const context = await newContext(lang, viewport);
              try {
                const page = await context.newPage();
                const started = Date.now();
                const done = await view.open({ server, page, fixture: fixtures.get(lang.language)!, lang });
                await settle(page);
                expect(await page.locator('html').getAttribute('lang')).toBe(lang.language);
                const result = await audit(page, EXCLUDED);
                if (viewport.keepScreenshots) {
                  const file = `${lang.language}-${viewport.name}-${view.name.replace(/[^a-z]+/gi, '-').toLowerCase()}.png`;
                  await page.screenshot({ path: path.join(SHOTS_DIR, file) });
                }
                done?.();
                findings.push({ language: lang.language, viewport: viewport.name, view: view.name, result, ms: Date.now() - started });
                return result;
              } finally {
                await context.close();
              }
            });
            expect(result.passes).toBeGreaterThan(10);
            expect(describeViolations(blocking(result))).toEqual([]);
          });
        }
      }
    }
  });

  it('would notice a violation: a field without a name is reported as critical', async () => {
    const context = await newContext(LANGUAGES[0], VIEWPORTS[1]);
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      await settle(page);
      // A change to the page's DOM, not a script: the policy allows it.
      await page.evaluate(() => {
        const field = document.createElement('input');
        field.className = 'unnamed-field';
        document.querySelector('main')?.append(field);
      });
      const result = await audit(page, EXCLUDED);
      expect(blocking(result)).toContainEqual(
        expect.objectContaining({ rule: 'label', impact: 'critical', nodes: [expect.objectContaining({ target: '.unnamed-field' })] }),
      );
    } finally {
      await context.close();
    }
  });

  it('made no request to any host but Flet, and saw no page error', () => {
    expect(requests.foreign(server.url)).toEqual([]);
    expect(requests.errors).toEqual([]);
  });
});
