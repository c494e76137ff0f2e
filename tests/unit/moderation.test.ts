import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CanvasRecord } from '../../shared/domain/canvasRules';
import {
  deletedNotesOf, isHiddenRecord, keepDeletedNotes, notesDeletedBy, restoreNote, RESTORE_WINDOW_MS, setHidden, setLocked,
} from '../../shared/domain/moderation';
import { changesOf, decodeUntrustedUpdate } from '../../shared/validate/changes';
import { recordProblem } from '../../shared/validate/records';
import { recordsOf, trashOf } from '../../shared/schema';
import { baseRecords, note, PAGE_ID } from './storeFixtures';

const NOW = Date.UTC(2026, 2, 12, 10, 0, 0);
const MINUTE = 60_000;

function writeRecord(doc: Y.Doc, record: object): void {
  const fields = new Y.Map<unknown>();
  recordsOf(doc).set((record as { id: string }).id, fields);
  for (const [key, value] of Object.entries(record)) fields.set(key, value);
}

function board(): Y.Doc {
  const doc = new Y.Doc();
  for (const record of baseRecords()) writeRecord(doc, record);
  return doc;
}

function addNote(doc: Y.Doc, text: string, parentId: string = PAGE_ID, meta: Record<string, unknown> = {}): CanvasRecord {
  const record = { ...note(undefined, text), parentId, meta: { group: 'citizen', participantId: 'p1', gatheringId: null, ...meta } };
  writeRecord(doc, record);
  return recordsOf(doc).get(record.id)!.toJSON() as CanvasRecord;
}

const stored = (doc: Y.Doc, id: string) => recordsOf(doc).get(id)?.toJSON() as CanvasRecord | undefined;

/** The server's side of a deletion: what the update deletes, kept in the trash at `now`. */
function deleteAsServerSees(doc: Y.Doc, ids: string[], now: number): void {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(client);
  client.transact(() => {
    for (const id of ids) recordsOf(client).delete(id);
  });
  const update = Y.encodeStateAsUpdate(client, before);
  const deleted = notesDeletedBy(changesOf(doc, decodeUntrustedUpdate(update)), doc);
  Y.applyUpdate(doc, update);
  keepDeletedNotes(doc, deleted, now);
}

describe('hiding a note', () => {
  it('marks it hidden and brings it back, keeping the rest of its meta', () => {
    const doc = board();
    const shape = addNote(doc, 'Skjul mig', PAGE_ID, { gatheringId: 'gathering:nuuk' });
    expect(isHiddenRecord(shape)).toBe(false);
    setHidden(doc, shape.id, true);
    expect(isHiddenRecord(stored(doc, shape.id))).toBe(true);
    expect(stored(doc, shape.id)?.meta).toEqual({ group: 'citizen', participantId: 'p1', gatheringId: 'gathering:nuuk', hidden: true });
    expect(recordProblem(shape.id, stored(doc, shape.id)!, shape)).toBeNull();
    setHidden(doc, shape.id, false);
    expect(isHiddenRecord(stored(doc, shape.id))).toBe(false);
    expect(stored(doc, shape.id)?.meta).toEqual(shape.meta);
  });

  it('only `true` hides, and an unknown shape changes nothing', () => {
    expect(isHiddenRecord({ meta: { hidden: 'yes' } })).toBe(false);
    expect(isHiddenRecord({ meta: null })).toBe(false);
    expect(isHiddenRecord(null)).toBe(false);
    const doc = board();
    setHidden(doc, 'shape:none', true);
    expect(recordsOf(doc).has('shape:none')).toBe(false);
  });

  it('the author editing a hidden note meanwhile keeps both changes', () => {
    const doc = board();
    const shape = addNote(doc, 'Før');
    const author = new Y.Doc();
    Y.applyUpdate(author, Y.encodeStateAsUpdate(doc));
    setHidden(doc, shape.id, true);
    recordsOf(author).get(shape.id)!.set('props', { ...(shape.props as object), richText: { type: 'doc', content: [] } });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(author));
    expect(isHiddenRecord(stored(doc, shape.id))).toBe(true);
    expect((stored(doc, shape.id)?.props as { richText: unknown }).richText).toEqual({ type: 'doc', content: [] });
  });
});

describe('locking', () => {
  it('locks and unlocks a shape', () => {
    const doc = board();
    const shape = addNote(doc, 'Lås');
    setLocked(doc, shape.id, true);
    expect(stored(doc, shape.id)?.isLocked).toBe(true);
    setLocked(doc, shape.id, false);
    expect(stored(doc, shape.id)?.isLocked).toBe(false);
  });

  it('writes nothing when the shape already is as asked', () => {
    const doc = board();
    const shape = addNote(doc, 'Lås');
    let updates = 0;
    doc.on('update', () => updates++);
    setLocked(doc, shape.id, false);
    setLocked(doc, 'shape:none', true);
    expect(updates).toBe(0);
  });
});

describe('the trash', () => {
  it('keeps deleted notes, and only notes, as they were when deleted', () => {
    const doc = board();
    const first = addNote(doc, 'Første');
    const second = addNote(doc, 'Anden');
    writeRecord(doc, { ...note(undefined, ''), id: 'shape:geo', type: 'geo', props: {} });
    deleteAsServerSees(doc, [first.id, 'shape:geo'], NOW);
    deleteAsServerSees(doc, [second.id], NOW + MINUTE);
    expect(deletedNotesOf(doc, NOW + 2 * MINUTE).map((entry) => entry.record.id)).toEqual([second.id, first.id]);
    expect(deletedNotesOf(doc, NOW + 2 * MINUTE)[1]).toEqual({ record: first, deletedAt: NOW });
    expect(trashOf(doc).has('shape:geo')).toBe(false);
  });

  it('a deletion names only what the document held: nothing to keep of a note deleted twice', () => {
    const doc = board();
    const shape = addNote(doc, 'To gange');
    deleteAsServerSees(doc, [shape.id], NOW);
    expect(notesDeletedBy([{ top: 'records', key: shape.id, field: null, kind: 'delete', content: 'none', nested: false }], doc)).toEqual([]);
  });

  it('restores a note where it was, for everyone, and it leaves the list', () => {
    const doc = board();
    const shape = addNote(doc, 'Tilbage');
    const everyone = new Y.Doc();
    Y.applyUpdate(everyone, Y.encodeStateAsUpdate(doc));
    doc.on('update', (update: Uint8Array) => Y.applyUpdate(everyone, update));
    deleteAsServerSees(doc, [shape.id], NOW);
    expect(recordsOf(everyone).has(shape.id)).toBe(false);
    expect(restoreNote(doc, shape.id, PAGE_ID)).toBe(true);
    expect(stored(everyone, shape.id)).toEqual(shape);
    expect(recordProblem(shape.id, stored(doc, shape.id)!, null)).toBeNull();
    expect(deletedNotesOf(doc, NOW + MINUTE)).toEqual([]);
    expect(restoreNote(doc, shape.id, PAGE_ID)).toBe(false);
  });

  it('a note whose frame is gone comes back on the fallback page', () => {
    const doc = board();
    writeRecord(doc, { ...note(undefined, ''), id: 'shape:frame', type: 'frame', props: { w: 100, h: 100, name: 'Trin', color: 'black' } });
    const shape = addNote(doc, 'I rammen', 'shape:frame');
    deleteAsServerSees(doc, [shape.id, 'shape:frame'], NOW);
    expect(restoreNote(doc, shape.id, PAGE_ID)).toBe(true);
    expect(stored(doc, shape.id)).toEqual({ ...shape, parentId: PAGE_ID });
  });

  it('nothing to restore that was never deleted', () => {
    expect(restoreNote(board(), 'shape:none', PAGE_ID)).toBe(false);
  });

  it('forgets what is older than the restore window at the next deletion', () => {
    const doc = board();
    const old = addNote(doc, 'Gammel');
    const recent = addNote(doc, 'Ny');
    const latest = addNote(doc, 'Nyeste');
    deleteAsServerSees(doc, [old.id], NOW);
    deleteAsServerSees(doc, [recent.id], NOW + 30 * MINUTE);
    // Past the window, a note is no longer offered even before the server forgets it.
    expect(deletedNotesOf(doc, NOW + RESTORE_WINDOW_MS).map((entry) => entry.record.id)).toEqual([recent.id]);
    expect(trashOf(doc).has(old.id)).toBe(true);
    deleteAsServerSees(doc, [latest.id], NOW + RESTORE_WINDOW_MS);
    expect([...trashOf(doc).keys()].sort()).toEqual([recent.id, latest.id].sort());
    keepDeletedNotes(doc, [], NOW + 30 * MINUTE + RESTORE_WINDOW_MS);
    expect([...trashOf(doc).keys()]).toEqual([latest.id]);
  });

  it('a note deleted again after its restore is kept anew', () => {
    const doc = board();
    const shape = addNote(doc, 'Igen');
    deleteAsServerSees(doc, [shape.id], NOW);
    restoreNote(doc, shape.id, PAGE_ID);
    deleteAsServerSees(doc, [shape.id], NOW + 50 * MINUTE);
    expect(deletedNotesOf(doc, NOW + 70 * MINUTE)).toEqual([{ record: shape, deletedAt: NOW + 50 * MINUTE }]);
  });
});
