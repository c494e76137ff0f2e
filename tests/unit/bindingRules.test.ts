import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createShapeId, PageRecordType, toRichText, type TLNoteShape, type TLRecord, type TLStore } from 'tldraw';
import { bindStoreToDoc, type Binding } from '../../client/sync/binding';
import { GROUP_STYLES } from '../../shared/domain/groups';
import { FACILITATOR, type Identity } from '../../shared/domain/identity';
import { recordsOf } from '../../shared/schema';
import { baseRecords, newStore, note, noteText, PAGE_ID } from './storeFixtures';

/** Anna (citizen) made the note; Bo (business) works in the bound store. */
const BO: Identity = { role: 'participant', participantId: 'p2', group: 'business', name: 'Bo' };
const ANNAS_NOTE = createShapeId('anna');

/** Put records into the document as the server would relay them: one Y.Map of fields each. */
function seed(doc: Y.Doc, records: TLRecord[]): void {
  doc.transact(() => {
    for (const record of records) {
      const fields = new Y.Map<unknown>();
      recordsOf(doc).set(record.id, fields);
      for (const [key, value] of Object.entries(record)) fields.set(key, value);
    }
  }, 'server');
}

function withText(shape: TLNoteShape, text: string): TLNoteShape {
  return { ...shape, props: { ...shape.props, richText: toRichText(text) } };
}

describe("the binding's last line: a local change the canvas rules forbid", () => {
  let doc: Y.Doc;
  let store: TLStore;
  let binding: Binding;
  let written: Uint8Array[];

  function open(identity: Identity): void {
    binding = bindStoreToDoc(store, doc, { identity });
    written = [];
    doc.on('update', (update: Uint8Array) => written.push(update));
  }

  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    doc = new Y.Doc();
    seed(doc, [...baseRecords(), note(ANNAS_NOTE, 'keep the ferry')]);
    store = newStore();
  });

  afterEach(() => {
    binding.dispose();
    vi.restoreAllMocks();
  });

  it("is reverted in the store and never written to the document: another participant's text", () => {
    open(BO);
    store.update(ANNAS_NOTE, (shape) => withText(shape as TLNoteShape, 'overwritten'));
    store._flushHistory();

    expect(written).toEqual([]);
    expect(noteText(store.get(ANNAS_NOTE) as TLNoteShape)).toBe('keep the ferry');
    expect(recordsOf(doc).get(ANNAS_NOTE)?.get('props')).toMatchObject({ color: 'orange' });
  });

  it("is reverted in the store and never written to the document: deleting another participant's note", () => {
    open(BO);
    store.remove([ANNAS_NOTE]);
    store._flushHistory();

    expect(written).toEqual([]);
    expect(store.get(ANNAS_NOTE)).toBeDefined();
    expect(recordsOf(doc).has(ANNAS_NOTE)).toBe(true);
  });

  it("is reverted in the store and never written to the document: a participant's new page, a foreign author, another group's colour", () => {
    open(BO);
    const page = PageRecordType.create({ id: PageRecordType.createId('mine'), name: 'Mine', index: 'a2' as never });
    const forged = createShapeId('forged');
    const ownNote = createShapeId('own');
    store.put([
      page,
      { ...note(forged, 'signed as Anna') },
      { ...note(ownNote, 'mine in orange'), meta: { group: 'business', participantId: 'p2', gatheringId: null } },
    ]);
    store._flushHistory();

    expect(written).toEqual([]);
    for (const id of [page.id, forged, ownNote]) {
      expect(store.get(id)).toBeUndefined();
      expect(recordsOf(doc).has(id)).toBe(false);
    }
  });

  it('lets through what the rules allow, in the same change as what they forbid', () => {
    open(BO);
    const ownNote = createShapeId('own');
    const page = PageRecordType.create({ id: PageRecordType.createId('mine'), name: 'Mine', index: 'a2' as never });
    const mine = note(ownNote, 'more buses');
    store.put([
      page,
      { ...mine, meta: { group: 'business', participantId: 'p2', gatheringId: null }, props: { ...mine.props, color: GROUP_STYLES.business.canvasColor } },
    ]);
    store._flushHistory();

    // Bo's own note reaches the document; the page does not, and leaves the store again.
    expect(written).toHaveLength(1);
    expect(noteText(recordsOf(doc).get(ownNote)?.toJSON() as TLNoteShape)).toBe('more buses');
    expect(store.get(ownNote)).toBeDefined();
    expect(recordsOf(doc).has(page.id)).toBe(false);
    expect(store.get(page.id)).toBeUndefined();
  });

  it('writes a move of another participant’s note on its own', () => {
    open(BO);
    store.update(ANNAS_NOTE, (shape) => ({ ...shape, x: 640, y: 480 }));
    store._flushHistory();

    expect(written).toHaveLength(1);
    expect(recordsOf(doc).get(ANNAS_NOTE)?.get('x')).toBe(640);
    expect(store.get(ANNAS_NOTE)).toMatchObject({ x: 640, y: 480 });
  });

  it("keeps even the facilitator from rewriting who made a note, and lets the facilitator change the rest", () => {
    open(FACILITATOR);
    store.update(ANNAS_NOTE, (shape) => ({ ...shape, meta: { ...shape.meta, participantId: 'p2' } }));
    store._flushHistory();
    expect(written).toEqual([]);
    expect(store.get(ANNAS_NOTE)?.meta).toMatchObject({ participantId: 'p1', group: 'citizen' });

    store.update(ANNAS_NOTE, (shape) => withText(shape as TLNoteShape, 'edited by the facilitator'));
    store._flushHistory();
    expect(written).toHaveLength(1);
    expect(noteText(recordsOf(doc).get(ANNAS_NOTE)?.toJSON() as TLNoteShape)).toBe('edited by the facilitator');
  });
});
