import { AssetRecordType, createBindingId, createShapeId, toRichText } from 'tldraw';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_CODE } from '../../shared/protocol/closeCodes';
import { recordsOf, workshopOf } from '../../shared/schema';
import type { Session } from '../../server/auth';
import { eventually } from '../helpers/eventually';
import { createHarness, noteBy, writeBoard, writeRecord, type Harness, type HarnessClient } from '../helpers/harness';
import { syncStep2Frame } from '../helpers/frames';
import { PAGE_ID } from '../unit/storeFixtures';

/**
 * Every rule of the gate, as a participant and as the facilitator, on rooms run in this
 * process: an allowed change reaches the facilitator's other client and the socket stays
 * open; a forbidden one closes the socket with 4403 and reaches nobody.
 */

interface Board {
  harness: Harness;
  citizen: Session;
  politician: Session;
  facilitator: Session;
  /** A second facilitator client that sees what was relayed. */
  observer: HarnessClient;
  citizenNote: string;
  politicianNote: string;
}

const ANY_CHANGE = 'anything';

async function board(): Promise<Board> {
  const harness = createHarness();
  const workshop = await harness.createWorkshop('Regler');
  const citizen = await harness.join(workshop, 'citizen', 'Aviaja');
  const politician = await harness.join(workshop, 'politician', 'Borgmester');
  const observer = harness.connect(workshop.facilitator);
  const citizenClient = harness.connect(citizen);
  const politicianClient = harness.connect(politician);
  await Promise.all([observer, citizenClient, politicianClient].map((c) => c.waitSynced()));
  writeBoard(observer.doc);
  const citizenNote = noteBy(citizen, 'Bevar havnen');
  const politicianNote = noteBy(politician, 'Mere cykelsti');
  await eventually(() => expect(recordsOf(citizenClient.doc).size).toBe(2));
  writeRecord(citizenClient.doc, citizenNote);
  writeRecord(politicianClient.doc, politicianNote);
  await eventually(() => expect(recordsOf(observer.doc).size).toBe(4));
  citizenClient.destroy();
  politicianClient.destroy();
  return { harness, citizen, politician, facilitator: workshop.facilitator, observer, citizenNote: citizenNote.id, politicianNote: politicianNote.id };
}

/** What a document holds, comparable (a deletion changes it, not the state vector). */
const contentOf = (doc: Y.Doc): unknown => ({ records: recordsOf(doc).toJSON(), workshop: workshopOf(doc).toJSON() });
const fields = (doc: Y.Doc, id: string): Y.Map<unknown> => recordsOf(doc).get(id) as Y.Map<unknown>;
const props = (doc: Y.Doc, id: string): Record<string, unknown> => fields(doc, id).get('props') as Record<string, unknown>;

/** A change, made by `who` on its own synced copy, and what the gate must do with it. */
interface Rule {
  name: string;
  who: 'citizen' | 'facilitator';
  edit: (doc: Y.Doc, b: Board, actor: Session) => void;
  expect: 'applied' | number;
  /** What the observer must see once applied (defaults to "its document changed"). */
  seen?: (doc: Y.Doc, b: Board) => boolean;
}

const rules: Rule[] = [];
function both(name: string, edit: Rule['edit'], participant: Rule['expect'], facilitator: Rule['expect']): void {
  rules.push({ name, who: 'citizen', edit, expect: participant }, { name, who: 'facilitator', edit, expect: facilitator });
}

both('adds a note of its own', (doc, _b, actor) => writeRecord(doc, noteBy(actor, 'Ny idé')), 'applied', 'applied');
both('adds a note under another participant', (doc, b) => writeRecord(doc, noteBy(b.politician, 'Forfalsket')), CLOSE_CODE.forbidden, 'applied');
both(
  'adds a note in another group’s colour',
  (doc, _b, actor) => {
    const record = noteBy(actor, 'Lilla');
    writeRecord(doc, { ...record, props: { ...record.props, color: 'violet' } });
  },
  CLOSE_CODE.forbidden,
  'applied',
);
both('moves another’s note', (doc, b) => fields(doc, b.politicianNote).set('x', 777), 'applied', 'applied');
both(
  'moves another’s note into a frame and restacks it',
  (doc, b) => {
    doc.transact(() => {
      fields(doc, b.politicianNote).set('index', 'a9');
      fields(doc, b.politicianNote).set('rotation', 0.5);
    });
  },
  'applied',
  'applied',
);
both(
  'retypes another’s note',
  (doc, b) => fields(doc, b.politicianNote).set('props', { ...props(doc, b.politicianNote), richText: toRichText('Overskrevet') }),
  CLOSE_CODE.forbidden,
  'applied',
);
both(
  'recolours another’s note',
  (doc, b) => fields(doc, b.politicianNote).set('props', { ...props(doc, b.politicianNote), color: 'orange' }),
  CLOSE_CODE.forbidden,
  'applied',
);
both('deletes another’s note', (doc, b) => recordsOf(doc).delete(b.politicianNote), CLOSE_CODE.forbidden, 'applied');
rules.push({ name: 'deletes its own note', who: 'citizen', edit: (doc, b) => recordsOf(doc).delete(b.citizenNote), expect: 'applied' });
rules.push({
  name: 'retypes its own note',
  who: 'citizen',
  edit: (doc, b) => fields(doc, b.citizenNote).set('props', { ...props(doc, b.citizenNote), richText: toRichText('Rettet') }),
  expect: 'applied',
});
both(
  'changes who wrote a note',
  (doc, b) => fields(doc, b.citizenNote).set('meta', { participantId: b.politician.participantId, group: 'politician', gatheringId: null }),
  CLOSE_CODE.forbidden,
  CLOSE_CODE.forbidden,
);
both('locks a note', (doc, b) => fields(doc, b.citizenNote).set('isLocked', true), CLOSE_CODE.forbidden, 'applied');
both(
  'adds a page',
  (doc) => writeRecord(doc, { id: 'page:second', typeName: 'page', name: 'Side 2', index: 'a2', meta: {} }),
  CLOSE_CODE.forbidden,
  'applied',
);
both('deletes the page', (doc) => recordsOf(doc).delete(PAGE_ID), CLOSE_CODE.forbidden, 'applied');
both('renames the workshop', (doc) => doc.getMap('workshop').set('title', 'Nyt navn'), CLOSE_CODE.forbidden, 'applied');
both('writes the participants list', (doc) => doc.getMap('participants').set('x', { group: 'politician' }), CLOSE_CODE.forbidden, CLOSE_CODE.forbidden);
both('writes a top-level type the schema does not list', (doc) => doc.getMap('ballots').set('x', 3), CLOSE_CODE.forbidden, CLOSE_CODE.forbidden);
both(
  'writes an invalid record',
  (doc, _b, actor) => writeRecord(doc, { ...noteBy(actor, 'x'), x: 'left' }),
  CLOSE_CODE.forbidden,
  CLOSE_CODE.forbidden,
);
both(
  'writes a record of an unknown shape type',
  (doc, _b, actor) => writeRecord(doc, { ...noteBy(actor, 'x'), type: 'spaceship' }),
  CLOSE_CODE.forbidden,
  CLOSE_CODE.forbidden,
);
both(
  'writes a note with more than 10,000 characters',
  (doc, _b, actor) => writeRecord(doc, noteBy(actor, 'x'.repeat(10_001))),
  CLOSE_CODE.forbidden,
  CLOSE_CODE.forbidden,
);
both(
  'uploads an image of its own',
  (doc, _b, actor) =>
    writeRecord(doc, {
      ...AssetRecordType.create({
        id: AssetRecordType.createId('photo'),
        type: 'image',
        props: { name: 'foto.png', src: 'data:image/png;base64,iVBORw0KGgo=', w: 10, h: 10, mimeType: 'image/png', isAnimated: false },
      }),
      meta: { participantId: actor.participantId, group: actor.group },
    }),
  'applied',
  'applied',
);
both(
  'attaches an arrow of its own to another’s note',
  (doc, b, actor) => {
    const arrow = createShapeId('arrow');
    doc.transact(() => {
      writeRecord(doc, {
        id: arrow, typeName: 'shape', type: 'arrow', x: 0, y: 0, rotation: 0, index: 'a5', parentId: PAGE_ID, isLocked: false, opacity: 1,
        meta: { participantId: actor.participantId, group: actor.group, gatheringId: null },
        props: {
          kind: 'arc', elbowMidPoint: 0.5, dash: 'draw', size: 'm', fill: 'none', color: 'black', labelColor: 'black', bend: 0,
          start: { x: 0, y: 0 }, end: { x: 50, y: 50 }, arrowheadStart: 'none', arrowheadEnd: 'arrow', richText: toRichText(''),
          labelPosition: 0.5, font: 'draw', scale: 1,
        },
      });
      writeRecord(doc, {
        id: createBindingId(), typeName: 'binding', type: 'arrow', fromId: arrow, toId: b.politicianNote, meta: {},
        props: { terminal: 'end', normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false, snap: 'none' },
      });
    });
  },
  'applied',
  'applied',
);

describe('the gate’s rules, in process', () => {
  let current: Board | null = null;
  afterEach(async () => {
    await current?.harness.close();
    current = null;
  });

  for (const rule of rules) {
    const verdict = rule.expect === 'applied' ? 'is applied and relayed' : `closes the socket with ${rule.expect}`;
    it(`${rule.who === 'citizen' ? 'a participant' : 'the facilitator'} who ${rule.name}: ${verdict}`, async () => {
      const b = (current = await board());
      const actor = rule.who === 'citizen' ? b.citizen : b.facilitator;
      const client = b.harness.connect(actor);
      await client.waitSynced();
      const before = Y.encodeStateVector(b.observer.doc);
      const contentBefore = contentOf(b.observer.doc);
      rule.edit(client.doc, b, actor);

      if (rule.expect === 'applied') {
        await eventually(() => expect(contentOf(b.observer.doc)).toEqual(contentOf(client.doc)));
        expect(contentOf(b.observer.doc)).not.toEqual(contentBefore);
        expect(client.closeCode).toBeNull();
      } else {
        expect(await client.waitClosed()).toBe(rule.expect);
        const stored = new Y.Doc();
        for (const update of (await b.harness.storage.loadUpdates(b.observer.session.workshopId)).updates) Y.applyUpdate(stored, update);
        expect(Y.encodeStateVector(stored)).toEqual(before);
        expect(Y.encodeStateVector(b.observer.doc)).toEqual(before);
      }
    });
  }

  it('a participant may not change a locked note, not even move it; the facilitator may', async () => {
    const b = (current = await board());
    fields(b.observer.doc, b.citizenNote).set('isLocked', true);
    const citizen = b.harness.connect(b.citizen);
    await citizen.waitSynced();
    await eventually(() => expect(fields(citizen.doc, b.citizenNote).get('isLocked')).toBe(true));
    fields(citizen.doc, b.citizenNote).set('x', 1);
    expect(await citizen.waitClosed()).toBe(CLOSE_CODE.forbidden);
    fields(b.observer.doc, b.citizenNote).set('x', 2);
    const second = b.harness.connect(b.facilitator);
    await second.waitSynced();
    expect(fields(second.doc, b.citizenNote).get('x')).toBe(2);
  });

  it('a participant’s answer computed before others’ edits reached it repeats them, and is not refused', async () => {
    const b = (current = await board());
    const citizen = b.harness.connect(b.citizen);
    const politician = b.harness.connect(b.politician);
    await Promise.all([citizen.waitSynced(), politician.waitSynced()]);
    const stale = Y.encodeStateVector(citizen.doc);
    writeRecord(politician.doc, noteBy(b.politician, 'Skrevet imens'));
    await eventually(() => expect(recordsOf(citizen.doc).size).toBe(5));
    // As a client answering the server's sync step 1 late: everything since that step 1.
    const own = noteBy(b.citizen, 'Mit svar');
    const copy = new Y.Doc();
    copy.clientID = citizen.doc.clientID;
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(citizen.doc));
    writeRecord(copy, own);
    citizen.send(syncStep2Frame(Y.encodeStateAsUpdate(copy, stale)));
    await eventually(() => expect(recordsOf(b.observer.doc).has(own.id)).toBe(true));
    expect(citizen.closeCode).toBeNull();
  });

  it('a projector’s changes are applied for no one, and its socket stays open', async () => {
    const harness = createHarness();
    const workshop = await harness.createWorkshop();
    current = { harness } as Board;
    const facilitator = harness.connect(workshop.facilitator);
    const projector = harness.connect(workshop.projector);
    await Promise.all([facilitator.waitSynced(), projector.waitSynced()]);
    writeBoard(projector.doc);
    writeBoard(facilitator.doc);
    const second = harness.connect(workshop.facilitator);
    await second.waitSynced();
    await eventually(() => expect(contentOf(second.doc)).toEqual(contentOf(facilitator.doc)));
    const stored = new Y.Doc();
    for (const update of (await harness.storage.loadUpdates(workshop.id)).updates) Y.applyUpdate(stored, update);
    expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(facilitator.doc));
    expect(Y.getState(stored.store, projector.doc.clientID)).toBe(0);
    expect(Y.getState(second.doc.store, projector.doc.clientID)).toBe(0);
    expect(projector.closeCode).toBeNull();
  });
});
