import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_CODE } from '../../shared/protocol/closeCodes';
import { recordsOf } from '../../shared/schema';
import { createWorkshop, joinWorkshop } from '../helpers/api';
import { eventually } from '../helpers/eventually';
import { connectClient } from '../helpers/yjsClient';
import { waitForCanvas } from './boardPage';
import { LAPTOP, screenshot, serverAndBrowser } from './browser';

const PHONE = { width: 390, height: 844 };
const PROJECTOR = { width: 1920, height: 1080 };
/** A page a participant writes behind the editor's back; pages are the facilitator's. */
const FORBIDDEN_NAME = 'A page made by a participant';
const FORBIDDEN_PAGE = { id: 'page:forbidden', typeName: 'page', name: FORBIDDEN_NAME, index: 'a5', meta: {} };
/** What Danish readers (and Greenlandic ones, who fall back to Danish) are told. */
const REFUSED_DA =
  'Serveren tog ikke imod en ændring fra denne side, fordi tavlen ikke tillader den. Ændringen er ikke gemt. Tavlen genindlæses om et par sekunder og viser det, alle andre ser.';

/** True when a frame from the page carries the forbidden change (Yjs keeps strings as UTF-8). */
function carriesForbiddenChange(message: string | Buffer): boolean {
  return typeof message !== 'string' && message.includes(Buffer.from(FORBIDDEN_NAME));
}

describe('a board whose change the server refuses', () => {
  const started = serverAndBrowser();

  async function newContext(viewport = LAPTOP): Promise<BrowserContext> {
    return started.session.newContext({ viewport });
  }

  /**
   * Is the server's gate for canvas rules in place? A participant's stock client adds a page
   * to a workshop of its own, which the rules give to the facilitator.
   */
  async function serverRefusesForbiddenChanges(): Promise<boolean> {
    const probe = await createWorkshop(started.server, { title: 'Probe', language: 'en' });
    const participant = await joinWorkshop(started.server, probe.joinCode, 'other');
    const client = connectClient(started.server, probe.id, participant.token, { reconnect: false });
    await client.synced();
    client.doc.transact(() => {
      const page = new Y.Map<unknown>();
      recordsOf(client.doc).set(FORBIDDEN_PAGE.id, page);
      for (const [key, value] of Object.entries(FORBIDDEN_PAGE)) page.set(key, value);
    });
    const refused = await eventually(() => expect(client.closeCodes).toContain(CLOSE_CODE.forbidden), { timeout: 3_000 })
      .then(() => true)
      .catch(() => false);
    client.destroy();
    return refused;
  }


  it('says in a sentence in the board’s language that a change was refused, reloads, and never sends the refused change again', async () => {
    const gateInPlace = await serverRefusesForbiddenChanges();
    // Greenlandic falls back to Danish.
    const workshop = await createWorkshop(started.server, { title: 'Nuuk', language: 'kl' });
    const participant = await joinWorkshop(started.server, workshop.joinCode, 'citizen', 'Cecilie');
    const context = await newContext();
    // The page's socket goes through here. Frames carrying the forbidden change are counted;
    // when the server does not refuse them yet, this stands in for its gate: the frame is
    // not passed on and the socket is closed with 4403, as the server would.
    let forbiddenFramesSent = 0;
    await context.routeWebSocket(/\/ws\//, (ws) => {
      const upstream = ws.connectToServer();
      ws.onMessage((message) => {
        if (carriesForbiddenChange(message)) {
          forbiddenFramesSent++;
          if (!gateInPlace) {
            void ws.close({ code: CLOSE_CODE.forbidden, reason: 'forbidden' });
            upstream.close();
            return;
          }
        }
        upstream.send(message);
      });
    });
    const page = await context.newPage();
    await page.goto(`${started.server.url}/w/${workshop.id}?view=canvas#token=${participant.token}`);
    await waitForCanvas(page);
    await eventually(async () => expect(await page.locator('[data-status]').first().getAttribute('data-status')).toBe('connected'), {
      timeout: 15_000,
    });
    await page.evaluate(() => Object.assign(window, { beforeTheReload: true }));

    // Behind the editor's back (its rules would stop it), straight into the document.
    await page.evaluate((record) => {
      const doc = window.__fletDoc!;
      const records = doc.getMap('records');
      // The page has no Yjs of its own to import; the records map's own class makes the map.
      const Fields = records.constructor as new () => typeof records;
      doc.transact(() => {
        const fields = new Fields();
        records.set(record.id, fields);
        for (const [key, value] of Object.entries(record)) fields.set(key, value);
      });
    }, FORBIDDEN_PAGE);

    const alert = page.getByRole('alert');
    await eventually(async () => expect(await alert.textContent()).toContain(REFUSED_DA), { timeout: 10_000 });
    expect(forbiddenFramesSent).toBe(1);
    // Told by keyboard too: the way to reload at once has the focus.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Genindlæs nu');
    await screenshot(page, 'laptop-refused');

    // The page reloads by itself, and opens the board as the server holds it.
    await eventually(async () => expect(await page.evaluate(() => 'beforeTheReload' in window).catch(() => true)).toBe(false), {
      timeout: 15_000,
    });
    await waitForCanvas(page);
    await eventually(async () => expect(await page.locator('[data-status]').first().getAttribute('data-status')).toBe('connected'), {
      timeout: 15_000,
    });
    expect(await page.evaluate(() => window.__fletEditor!.getPages().map((p) => p.name))).not.toContain(FORBIDDEN_NAME);
    console.log(`the refusal came from ${gateInPlace ? "the server's gate" : 'the stand-in for it (the server does not refuse yet)'}`);
    expect(await page.getByRole('alert').count()).toBe(0);

    // This browser's copy held the refused change; it was erased, so nothing sends it again.
    await page.waitForTimeout(2_000);
    expect(forbiddenFramesSent).toBe(1);
    const observer = connectClient(started.server, workshop.id, workshop.facilitatorToken);
    await observer.synced();
    expect(recordsOf(observer.doc).has(FORBIDDEN_PAGE.id)).toBe(false);
    observer.destroy();
  });

  it('fits the sentence on a phone and on a projector-sized screen', async () => {
    for (const [name, viewport] of [
      ['phone', PHONE],
      ['projector-size', PROJECTOR],
    ] as const) {
      const workshop = await createWorkshop(started.server, { title: 'Tasiilaq', language: 'da' });
      const participant = await joinWorkshop(started.server, workshop.joinCode, 'employee');
      const context = await newContext(viewport);
      await context.routeWebSocket(/\/ws\//, (ws) => {
        const upstream = ws.connectToServer();
        ws.onMessage((message) => {
          // Refuse the first change this page makes, whatever it is, as the server would.
          if (typeof message !== 'string' && message[0] === 0 && message[1] === 2) {
            void ws.close({ code: CLOSE_CODE.forbidden, reason: 'forbidden' });
            upstream.close();
            return;
          }
          upstream.send(message);
        });
      });
      const page: Page = await context.newPage();
      await page.goto(`${started.server.url}/w/${workshop.id}?view=canvas#token=${participant.token}`);
      await waitForCanvas(page);
      await page.evaluate(() => {
        window.__fletEditor!.createShape({ type: 'geo', x: 100, y: 100 });
      });
      const alert = page.getByRole('alert');
      await eventually(async () => expect(await alert.textContent()).toContain(REFUSED_DA), { timeout: 10_000 });
      const box = (await alert.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      await screenshot(page, `${name}-refused`);
      await context.close();
    }
  });

  it('makes no request to any host but Flet, and no page error', () => {
    expect(started.session.requests.foreign(started.server.url)).toEqual([]);
    expect(started.session.requests.errors).toEqual([]);
  });
});
