import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { GROUP_STYLES, type Group } from '../../shared/domain/groups';
import { CLOSE_CODE } from '../../shared/protocol/closeCodes';
import { recordsOf } from '../../shared/schema';
import { createWorkshop, joinWorkshop, type CreatedWorkshop, type JoinedWorkshop } from '../helpers/api';
import { addNote, noteRecord, notesOf, noteText } from '../helpers/board';
import { eventually } from '../helpers/eventually';
import { updateFrame } from '../helpers/frames';
import { sendOnFreshSocket } from '../helpers/rawSocket';
import { startServer, type RunningServer } from '../helpers/server';
import { connectClient, type TestClient } from '../helpers/yjsClient';
import { notesOn, waitForCanvas } from './boardPage';
import { launchBrowser, RequestLog } from './browser';

const LAPTOP = { width: 1280, height: 800 };
const NOTE_TEXT = 'Sheltered bus stops by the harbour';
const ATTACKER_GROUP: Group = 'business';
/** The attack: a steady stream of forbidden changes, a few hundred, for as long as the honest participant works. */
const ATTACK = {
  /** Raw sockets of the attacker's token working at once (the server allows a person four). */
  workers: 2,
  /** At least this many, even if the honest participant is quick… */
  min: 300,
  /** …and never more than this many, nor for longer than this. */
  max: 800,
  timeLimitMs: 60_000,
  /** Pause of each worker between two changes: a stream, not a burst that ends before the honest work begins. */
  paceMs: 20,
};
/** Name of the function through which the honest page reports what it shows. */
const SCREEN_BINDING = 'fletReportScreen';

/** What the attacker knows of the board when it makes a change. */
interface Knowledge {
  attacker: JoinedWorkshop;
  ownNote: string;
  /** Notes of others, the honest participant's among them once it has written one. */
  othersNotes: string[];
  victimClientId: number;
}

/** A forbidden change: what it is, and the edit made on a copy of the board. */
interface Forbidden {
  kind: string;
  edit(doc: Y.Doc, known: Knowledge, n: number): void;
}

const fieldsOf = (doc: Y.Doc, id: string): Y.Map<unknown> => recordsOf(doc).get(id) as Y.Map<unknown>;
const pick = <T>(items: T[], n: number): T => items[n % items.length];
const richText = (text: string): object => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/** What a participant may not do (the ideas of the gate's fuzz test), taken in turn. */
const FORBIDDEN: Forbidden[] = [
  { kind: "delete another's note", edit: (doc, k, n) => recordsOf(doc).delete(pick(k.othersNotes, n)) },
  {
    kind: "retype another's note",
    edit: (doc, k, n) => {
      const note = fieldsOf(doc, pick(k.othersNotes, n));
      note.set('props', { ...(note.get('props') as object), richText: richText(`Overwritten ${n}`) });
    },
  },
  {
    kind: "recolour another's note",
    edit: (doc, k, n) => {
      const note = fieldsOf(doc, pick(k.othersNotes, n));
      note.set('props', { ...(note.get('props') as object), color: GROUP_STYLES[ATTACKER_GROUP].canvasColor });
    },
  },
  {
    kind: 'change the author of its own note',
    edit: (doc, k, n) => fieldsOf(doc, k.ownNote).set('meta', { participantId: `someone-${n}`, group: ATTACKER_GROUP, gatheringId: null }),
  },
  {
    kind: 'create a note under a forged author',
    edit: (doc, k, n) =>
      n % 2
        ? addNote(doc, `shape:forged-${n}`, 'forged', { participantId: `forged-${n}`, group: ATTACKER_GROUP })
        : addNote(doc, `shape:forged-${n}`, 'forged', { participantId: k.attacker.participantId, group: 'politician' }),
  },
  {
    kind: 'write an unknown top-level type',
    edit: (doc, _k, n) => (n % 2 ? doc.getMap(`extra-${n}`).set('k', n) : doc.getText(`extra-${n}`).insert(0, 'x')),
  },
  {
    kind: 'write an invalid record',
    edit: (doc, k, n) => {
      const record = noteRecord(`shape:invalid-${n}`, 'x', { participantId: k.attacker.participantId, group: ATTACKER_GROUP });
      const field = pick(['x', 'props', 'type', 'opacity', 'parentId', 'index', 'rotation'], n);
      const broken: Record<string, unknown> = { ...record, [field]: field === 'type' ? 'spaceship' : 'nonsense' };
      const fields = new Y.Map<unknown>();
      recordsOf(doc).set(`shape:invalid-${n}`, fields);
      for (const [key, value] of Object.entries(broken)) fields.set(key, value);
    },
  },
  {
    kind: 'write a record of a type that does not belong in the document',
    edit: (doc, _k, n) => {
      const typeName = pick(['camera', 'instance', 'pointer', 'instance_presence', 'spaceship'], n);
      const fields = new Y.Map<unknown>();
      recordsOf(doc).set(`${typeName}:x`, fields);
      fields.set('id', `${typeName}:x`);
      fields.set('typeName', typeName);
    },
  },
  { kind: 'delete the page or the document record', edit: (doc, _k, n) => recordsOf(doc).delete(pick(['page:page', 'document:document'], n)) },
  { kind: 'rename the workshop', edit: (doc, _k, n) => doc.getMap('workshop').set('title', `Taken over ${n}`) },
  { kind: 'write the participants list', edit: (doc, _k, n) => doc.getMap('participants').set(`p-${n}`, { name: 'x', group: 'politician' }) },
  { kind: 'lock its own note', edit: (doc, k) => fieldsOf(doc, k.ownNote).set('isLocked', true) },
  {
    kind: 'write an oversized note',
    edit: (doc, k, n) => addNote(doc, `shape:long-${n}`, 'x'.repeat(10_001 + n), { participantId: k.attacker.participantId, group: ATTACKER_GROUP }),
  },
  {
    kind: 'delete every record in one transaction',
    edit: (doc) => {
      for (const id of [...recordsOf(doc).keys()]) recordsOf(doc).delete(id);
    },
  },
  {
    kind: "write under the honest participant's Yjs client id",
    edit: (doc, k, n) => {
      doc.clientID = k.victimClientId;
      addNote(doc, `shape:impostor-${n}`, 'in your name', { participantId: k.attacker.participantId, group: ATTACKER_GROUP });
    },
  },
];

/** The workshop's own data (its title, who takes part), which only the server writes. */
const settings = (doc: Y.Doc): string => JSON.stringify([doc.getMap('workshop').toJSON(), doc.getMap('participants').toJSON()]);

/** What the attack did, socket by socket. */
interface AttackReport {
  sent: number;
  closeCodes: Map<number, number>;
  accepted: string[];
  kinds: Map<string, number>;
  /** Changes made once the attacker could see the honest participant's note (some aimed at it). */
  afterTheHonestNote: number;
  endedAt: number;
}

/** What the honest page showed, each time it changed. */
interface Screen {
  status: string | null;
  alerts: string[];
}

describe('a board under attack by a participant', () => {
  let server: RunningServer;
  let browser: Browser;
  let workshop: CreatedWorkshop;
  const requests = new RequestLog();
  const contexts: BrowserContext[] = [];
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    workshop = await createWorkshop(server, { title: 'Harbour plan', language: 'en' });
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  /** The attacker's raw sockets: one forbidden change each, until `stop()` says so (within ATTACK's bounds). */
  async function attack(view: TestClient, known: () => Knowledge, stop: () => boolean): Promise<AttackReport> {
    const report: AttackReport = { sent: 0, closeCodes: new Map(), accepted: [], kinds: new Map(), afterTheHonestNote: 0, endedAt: 0 };
    const started = Date.now();
    const more = (): boolean =>
      report.sent < ATTACK.max && Date.now() - started < ATTACK.timeLimitMs && (report.sent < ATTACK.min || !stop());
    await Promise.all(
      Array.from({ length: ATTACK.workers }, async () => {
        while (more()) {
          const n = report.sent++;
          const change = pick(FORBIDDEN, n);
          // The change is made on a copy of the board as the attacker's own client sees it.
          const copy = new Y.Doc();
          Y.applyUpdate(copy, Y.encodeStateAsUpdate(view.doc));
          const before = Y.encodeStateVector(copy);
          const knowledge = known();
          if (knowledge.othersNotes.length > 1) report.afterTheHonestNote++;
          change.edit(copy, knowledge, n);
          const update = Y.encodeStateAsUpdate(copy, before);
          copy.destroy();
          const fate = await sendOnFreshSocket(server.wsUrl, workshop.id, knowledge.attacker.token, updateFrame(update));
          report.kinds.set(change.kind, (report.kinds.get(change.kind) ?? 0) + 1);
          if (fate.closed) report.closeCodes.set(fate.code, (report.closeCodes.get(fate.code) ?? 0) + 1);
          else report.accepted.push(change.kind);
          await new Promise((resolve) => setTimeout(resolve, ATTACK.paceMs));
        }
      }),
    );
    report.endedAt = Date.now();
    return report;
  }

  it("an honest participant's canvas keeps working while another participant sends hundreds of forbidden changes", async () => {
    // The facilitator watches with a client of its own, and has a note on the board.
    const facilitator = connectClient(server, workshop.id, workshop.facilitatorToken);
    clients.push(facilitator);
    await facilitator.synced();
    addNote(facilitator.doc, 'shape:welcome', 'Welcome', null, -300, -200);

    // The attacker joins like anyone, keeps a stock client open to see the board, and writes a note of its own.
    const attacker = await joinWorkshop(server, workshop.joinCode, ATTACKER_GROUP, 'Mallory');
    const attackerView = connectClient(server, workshop.id, attacker.token);
    clients.push(attackerView);
    await attackerView.synced();
    addNote(attackerView.doc, 'shape:mallory', 'Mine', { participantId: attacker.participantId, group: ATTACKER_GROUP }, -300, 200);
    await eventually(() => expect(Object.keys(notesOf(facilitator.doc)).sort()).toEqual(['shape:mallory', 'shape:welcome']));

    // The honest participant joins in a browser, as a person does.
    const context = await browser.newContext({ viewport: LAPTOP, locale: 'en-GB' });
    contexts.push(context);
    requests.watch(context);
    const screens: Screen[] = [];
    await context.exposeBinding(SCREEN_BINDING, (_source, screen: Screen) => {
      screens.push(screen);
    });
    // Every change of the connection status and every alert, from the page's first paint on.
    await context.addInitScript((binding: string) => {
      let last = '';
      const report = (): void => {
        const screen = {
          status: document.querySelector('[data-status]')?.getAttribute('data-status') ?? null,
          alerts: [...document.querySelectorAll('[role="alert"]')].map((alert) => alert.textContent ?? ''),
        };
        const key = JSON.stringify(screen);
        if (key === last) return;
        last = key;
        (window as unknown as Record<string, (screen: Screen) => void>)[binding](screen);
      };
      new MutationObserver(report).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    }, SCREEN_BINDING);
    const honest: Page = await context.newPage();
    let honestSocketsClosed = 0;
    honest.on('websocket', (ws) => ws.on('close', () => honestSocketsClosed++));
    await honest.goto(`${server.url}/join/${workshop.joinCode}`);
    await honest.getByLabel('Your name (optional)').fill('Ivalu');
    await honest.locator('input[name="group"][value="citizen"]').check();
    await honest.getByRole('button', { name: 'Join the board' }).click();
    await honest.waitForURL(/\/w\//);
    await waitForCanvas(honest);
    const status = honest.locator('[data-status]').first();
    await eventually(async () => expect(await status.getAttribute('data-status')).toBe('connected'), { timeout: 15_000 });
    const honestJoin = JSON.parse((await honest.evaluate((code) => localStorage.getItem(`flet:join:${code}`), workshop.joinCode)) ?? '{}') as {
      participantId: string;
    };
    const victimClientId = await honest.evaluate(() => window.__fletDoc!.clientID);

    // The attack begins, and goes on until the honest participant's work has reached the facilitator.
    let honestDone = false;
    const known = (): Knowledge => ({
      attacker,
      ownNote: 'shape:mallory',
      othersNotes: Object.keys(notesOf(attackerView.doc)).filter((id) => id !== 'shape:mallory'),
      victimClientId,
    });
    const settingsBefore = settings(facilitator.doc);
    const attackStarted = Date.now();
    const attacking = attack(attackerView, known, () => honestDone);
    // Should a socket of the attack fail, that is told when the attack is awaited, after the honest work.
    attacking.catch(() => undefined);
    await eventually(() => expect(Object.keys(notesOf(attackerView.doc))).toHaveLength(2));

    // Meanwhile the honest participant adds a note: the note tool's shortcut, a click, typing, Escape.
    const area = (await honest.locator('.tl-canvas').first().boundingBox())!;
    await honest.mouse.click(area.x + area.width / 2, area.y + area.height / 2);
    await honest.keyboard.press('n');
    await honest.mouse.click(area.x + area.width * 0.45, area.y + area.height * 0.4);
    await honest.waitForFunction(() => Boolean(window.__fletEditor?.getEditingShapeId()));
    await honest.locator('.tl-shape[data-shape-type="note"] [contenteditable="true"]').first().waitFor();
    await honest.keyboard.type(NOTE_TEXT);
    await honest.keyboard.press('Escape');
    const note = await eventually(async () => {
      const found = (await notesOn(honest)).find((n) => n.text === NOTE_TEXT);
      expect(found).toBeDefined();
      return found!;
    });
    await eventually(() => expect(noteText(facilitator.doc, note.id)).toBe(NOTE_TEXT), { timeout: 10_000 });
    const placed = fieldsOf(facilitator.doc, note.id).toJSON() as { x: number; y: number };

    // …and drags it across the board.
    const onScreen = honest.locator('.tl-shape[data-shape-type="note"]').filter({ hasText: NOTE_TEXT });
    const box = (await onScreen.boundingBox())!;
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await honest.mouse.move(centre.x, centre.y);
    await honest.mouse.down();
    await honest.mouse.move(centre.x + 90, centre.y + 50, { steps: 5 });
    await honest.mouse.move(centre.x + 180, centre.y + 100, { steps: 5 });
    await honest.mouse.up();
    // Where the note ended up on the honest page is where the facilitator sees it.
    const moved = await honest.evaluate((id) => {
      const shape = window.__fletEditor!.getShape(id as Parameters<NonNullable<typeof window.__fletEditor>['getShape']>[0]);
      return shape ? { x: shape.x, y: shape.y } : null;
    }, note.id);
    expect(moved?.x).toBeGreaterThan(placed.x + 120);
    expect(moved?.y).toBeGreaterThan(placed.y + 60);
    await eventually(() => expect(fieldsOf(facilitator.doc, note.id).toJSON()).toMatchObject(moved!), { timeout: 10_000 });
    const honestDoneAt = Date.now();
    honestDone = true;
    await honest.screenshot({ path: path.join(os.tmpdir(), 'flet-attacked-board.png') });

    const report = await attacking;
    console.log(
      `${report.sent} forbidden changes in ${report.endedAt - attackStarted} ms (${report.afterTheHonestNote} once the honest note was there); the honest participant's note and move took ${honestDoneAt - attackStarted} ms of it;`,
      'by kind',
      Object.fromEntries(report.kinds),
      'close codes',
      Object.fromEntries(report.closeCodes),
    );

    // The attack lasted through the honest work, within its bounds, and every socket of it was refused.
    expect(report.endedAt).toBeGreaterThanOrEqual(honestDoneAt);
    expect(report.sent).toBeGreaterThanOrEqual(ATTACK.min);
    expect(report.sent).toBeLessThanOrEqual(ATTACK.max);
    expect(report.kinds.size).toBe(FORBIDDEN.length);
    expect(report.afterTheHonestNote).toBeGreaterThan(0);
    // A struct under the honest participant's client id at a clock the server already holds
    // (the attacker's view lagging behind) is dropped by Yjs as a repeat, unread and harmless,
    // as honest repeats are; every other forbidden change closes its socket.
    const impostor = "write under the honest participant's Yjs client id";
    expect(report.accepted.filter((kind) => kind !== impostor)).toEqual([]);
    expect(Object.fromEntries(report.closeCodes)).toEqual({ [CLOSE_CODE.forbidden]: report.sent - report.accepted.length });

    // The honest page: never an alert, connected throughout, on the one socket it opened.
    expect(screens.flatMap((screen) => screen.alerts)).toEqual([]);
    const statuses = screens.map((screen) => screen.status).filter((s): s is string => s !== null);
    expect(statuses.slice(statuses.indexOf('connected'))).toEqual(['connected']);
    expect(await status.getAttribute('data-status')).toBe('connected');
    expect(await honest.getByRole('alert').count()).toBe(0);
    expect(honestSocketsClosed).toBe(0);

    // The board is as the honest people made it: the note where it was dragged, in its author's name and colour.
    const stored = fieldsOf(facilitator.doc, note.id).toJSON() as { x: number; y: number; props: { color: string }; meta: object };
    expect({ x: stored.x, y: stored.y }).toEqual(moved);
    expect(stored.props.color).toBe(GROUP_STYLES.citizen.canvasColor);
    expect(stored.meta).toMatchObject({ participantId: honestJoin.participantId, group: 'citizen' });
    expect(notesOf(facilitator.doc)).toEqual({ 'shape:welcome': 'Welcome', 'shape:mallory': 'Mine', [note.id]: NOTE_TEXT });
    expect(settings(facilitator.doc)).toEqual(settingsBefore);
    expect(facilitator.closeCodes).toEqual([]);
    // A client opening the board now gets the same, and no top-level type the attacker made up.
    const late = connectClient(server, workshop.id, workshop.facilitatorToken);
    clients.push(late);
    await late.synced();
    expect(notesOf(late.doc)).toEqual(notesOf(facilitator.doc));
    expect(settings(late.doc)).toEqual(settingsBefore);
    expect([...late.doc.share.keys()].filter((name) => name.startsWith('extra-'))).toEqual([]);
    expect((await notesOn(honest)).map((n) => n.text).sort()).toEqual(['Mine', NOTE_TEXT, 'Welcome'].sort());
  });

  it('makes no request to any host but Flet, and no page error', () => {
    expect(requests.foreign(server.url)).toEqual([]);
    expect(requests.errors).toEqual([]);
  });
});

