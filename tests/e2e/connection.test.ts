import type { BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import type { TLPageId } from 'tldraw';
import { describe, expect, it } from 'vitest';
import { createWorkshop, joinWorkshop } from '../helpers/api';
import { recordsOf } from '../../shared/schema';
import { eventually } from '../helpers/eventually';
import { connectClient } from '../helpers/yjsClient';
import { waitForCanvas } from './boardPage';
import { screenshot, serverAndBrowser } from './browser';

/** Longer than the offline cache's wait for the server (3 s), with room for a slow machine. */
const LONGER_THAN_CACHE_FALLBACK_MS = 6_000;

/** A y-websocket frame that carries a document update (sync message, update subtype). */
function isDocumentUpdate(frame: Buffer): boolean {
  return frame.length > 2 && frame[0] === 0 && frame[1] === 2;
}

/** Names of the IndexedDB databases the page's origin keeps. */
function databases(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
}

/** The pages of the board, as the page's editor holds them. */
function boardPages(page: Page): Promise<Array<{ id: string; name: string }>> {
  return page.evaluate(() => window.__fletEditor!.getPages().map((p) => ({ id: p.id, name: p.name })));
}

function statusText(page: Page): Promise<string | null> {
  return page.locator('[data-status]').first().textContent();
}

describe('the connection between a browser and its workshop', () => {
  const started = serverAndBrowser();

  async function newContext(): Promise<BrowserContext> {
    return started.session.newContext();
  }


  it("waits for the server on a first visit instead of opening an empty board, then shows the workshop's own page", async () => {
    const workshop = await createWorkshop(started.server, { title: 'Harbour', language: 'en' });
    const facilitator = await (await newContext()).newPage();
    await facilitator.goto(`${started.server.url}/w/${workshop.id}#token=${workshop.facilitatorToken}`);
    await waitForCanvas(facilitator);
    await facilitator.evaluate(() => {
      window.__fletEditor!.renamePage('page:page' as TLPageId, 'Harbour front');
    });
    // The server holds the named page (read by a client of its own).
    const observer = connectClient(started.server, workshop.id, workshop.facilitatorToken);
    await observer.synced();
    await eventually(() => expect(recordsOf(observer.doc).get('page:page')?.get('name')).toBe('Harbour front'));

    // A participant's first visit: the page and the API answer, the board's socket does not sync.
    const participant = await joinWorkshop(started.server, workshop.joinCode, 'citizen', 'Cecilie');
    const context = await newContext();
    let serverReachable = false;
    const stalled: WebSocketRoute[] = [];
    const sentWhileStalled: Buffer[] = [];
    await context.routeWebSocket(/\/ws\//, (ws) => {
      if (serverReachable) {
        ws.connectToServer();
        return;
      }
      stalled.push(ws);
      ws.onMessage((message) => {
        if (typeof message !== 'string') sentWhileStalled.push(message);
      });
    });
    const page = await context.newPage();
    await page.goto(`${started.server.url}/w/${workshop.id}#token=${participant.token}`);
    await eventually(async () => expect(await statusText(page)).toBe('Connecting…'));
    await eventually(async () => expect(await page.getByText('Opening the board…').count()).toBe(1));

    // Nothing is in this browser's cache, so nothing opens, however long it waits.
    await page.waitForTimeout(LONGER_THAN_CACHE_FALLBACK_MS);
    await screenshot(page, 'laptop-first-visit-waiting');
    expect(await page.evaluate(() => Boolean(window.__fletEditor))).toBe(false);
    expect(await page.locator('.tl-canvas').count()).toBe(0);
    expect(['Connecting…', 'Offline — your changes are kept and sent when the connection returns']).toContain(await statusText(page));
    expect(await page.getByRole('status').filter({ hasText: 'Opening the board…' }).count()).toBe(1);
    // …and the browser wrote nothing of its own into the workshop's document.
    expect(stalled.length).toBeGreaterThan(0);
    expect(sentWhileStalled.filter(isDocumentUpdate)).toEqual([]);

    // The server answers: the board opens with the workshop's own page, for both.
    serverReachable = true;
    for (const ws of stalled) await ws.close();
    await waitForCanvas(page);
    await eventually(async () => expect(await statusText(page)).toBe('Connected'), { timeout: 15_000 });
    expect(await boardPages(page)).toEqual([{ id: 'page:page', name: 'Harbour front' }]);
    await eventually(async () => expect(await boardPages(facilitator)).toEqual([{ id: 'page:page', name: 'Harbour front' }]));
    expect(recordsOf(observer.doc).get('page:page')?.get('name')).toBe('Harbour front');
    observer.destroy();
  });

  it('tells a participant when the workshop is deleted, stops connecting and erases the board from the browser', async () => {
    const workshop = await createWorkshop(started.server, { title: 'Short-lived', language: 'en' });
    const participant = await joinWorkshop(started.server, workshop.joinCode, 'employee', 'Dorte');
    const page = await (await newContext()).newPage();
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    await page.goto(`${started.server.url}/w/${workshop.id}#token=${participant.token}`);
    await waitForCanvas(page);
    await eventually(async () => expect(await statusText(page)).toBe('Connected'));
    const database = `flet:${workshop.id}`;
    const tokenKey = `flet:token:board:${workshop.id}`;
    await eventually(async () => expect(await databases(page)).toContain(database));
    expect(await page.evaluate((key) => localStorage.getItem(key), tokenKey)).toBe(participant.token);

    const response = await fetch(`${started.server.url}/api/workshops/${workshop.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${workshop.facilitatorToken}` },
    });
    expect(response.status).toBe(204);

    // Told in a sentence, instead of the board.
    await eventually(async () => expect(await page.getByRole('alert').textContent()).toBe('This workshop does not exist any more.'));
    expect(await page.locator('.tl-canvas').count()).toBe(0);
    await screenshot(page, 'laptop-workshop-deleted');

    // Nothing of it stays in this browser.
    await eventually(async () => expect(await databases(page)).not.toContain(database));
    expect(await page.evaluate((key) => localStorage.getItem(key), tokenKey)).toBeNull();
    expect(await page.evaluate((id) => localStorage.getItem(`flet:info:${id}`), workshop.id)).toBeNull();

    // And no reconnecting to a workshop that is gone.
    const attempts = sockets.length;
    await page.waitForTimeout(3_000);
    expect(sockets.length).toBe(attempts);
  });

  it('finds out on reconnecting that the workshop was deleted while the browser was cut off, and stops', async () => {
    const workshop = await createWorkshop(started.server, { title: 'Deleted while away', language: 'en' });
    const participant = await joinWorkshop(started.server, workshop.joinCode, 'manager', 'Eskil');
    const context = await newContext();
    let cutOff = false;
    const open: WebSocketRoute[] = [];
    const attempts: number[] = [];
    await context.routeWebSocket(/\/ws\//, (ws) => {
      attempts.push(Date.now());
      if (cutOff) {
        void ws.close({ code: 1001, reason: 'cut off' });
        return;
      }
      ws.connectToServer();
      open.push(ws);
    });
    const page = await context.newPage();
    await page.goto(`${started.server.url}/w/${workshop.id}#token=${participant.token}`);
    await waitForCanvas(page);
    await eventually(async () => expect(await statusText(page)).toBe('Connected'));
    const database = `flet:${workshop.id}`;
    await eventually(async () => expect(await databases(page)).toContain(database));

    // The link drops; meanwhile the facilitator deletes the workshop, so no socket is told.
    cutOff = true;
    for (const ws of open.splice(0)) await ws.close({ code: 1001, reason: 'cut off' });
    await eventually(async () => expect(await statusText(page)).not.toBe('Connected'));
    const response = await fetch(`${started.server.url}/api/workshops/${workshop.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${workshop.facilitatorToken}` },
    });
    expect(response.status).toBe(204);

    // The link returns: the server refuses the upgrade, which a browser cannot read, so the
    // page asks the API why, and stops.
    cutOff = false;
    await eventually(async () => expect(await page.getByRole('alert').textContent()).toBe('This workshop does not exist any more.'), {
      timeout: 30_000,
    });
    await eventually(async () => expect(await databases(page)).not.toContain(database));
    const count = attempts.length;
    await page.waitForTimeout(3_000);
    expect(attempts.length).toBe(count);
  });

  it('makes no request to any host but Flet', () => {
    expect(started.session.requests.foreign(started.server.url)).toEqual([]);
    expect(started.session.requests.errors).toEqual([]);
  });
});
