import type { TLShapeId } from 'tldraw';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deletedNoteItemsOf, hiddenNotesOf, lockedShapesOf, workshopContentsOf } from '../../client/workshop/moderation/moderationLists';
import { addGathering } from '../../shared/domain/gatherings';
import { keepDeletedNotes, restoreNote, RESTORE_WINDOW_MS, setHidden, setLocked } from '../../shared/domain/moderation';
import { listParticipant } from '../../shared/domain/participants';
import { startThread } from '../../shared/domain/threads';
import { FACILITATOR } from '../../shared/domain/identity';
import type { CanvasRecord } from '../../shared/domain/canvasRules';
import { recordsOf } from '../../shared/schema';
import { baseRecords, note } from './storeFixtures';

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

function noteRecord(id: string, text: string, parentId: string, gatheringId: string | null): CanvasRecord {
  return { ...note(id as TLShapeId, text), parentId, meta: { group: 'citizen', participantId: 'p1', gatheringId } } as unknown as CanvasRecord;
}

/** What the binding does when a note is deleted on the canvas; the server keeps it in the trash. */
function deleteNote(doc: Y.Doc, id: string, now: number): void {
  const fields = recordsOf(doc).get(id) as Y.Map<unknown>;
  const record = Object.fromEntries(fields.entries()) as CanvasRecord;
  recordsOf(doc).delete(id);
  keepDeletedNotes(doc, [record], now);
}

describe('moderation lists', () => {
  it('lists hidden notes with their group and gathering, until they are brought back', () => {
    const doc = board();
    const nuuk = addGathering(doc, { title: 'Nuuk' });
    writeRecord(doc, noteRecord('shape:a', 'Harbour', nuuk.pageId, nuuk.id));
    writeRecord(doc, noteRecord('shape:b', 'School', nuuk.pageId, nuuk.id));
    setHidden(doc, 'shape:a', true);
    expect(hiddenNotesOf(doc)).toEqual([{ id: 'shape:a', text: 'Harbour', group: 'citizen', gathering: 'Nuuk' }]);
    setHidden(doc, 'shape:a', false);
    expect(hiddenNotesOf(doc)).toEqual([]);
  });

  it('lists locked frames first, then locked notes', () => {
    const doc = board();
    writeRecord(doc, noteRecord('shape:a', 'Harbour', 'page:page', null));
    writeRecord(doc, { id: 'shape:frame', typeName: 'shape', type: 'frame', parentId: 'page:page', isLocked: true, props: { name: 'Keep', w: 10, h: 10 }, meta: {} });
    expect(lockedShapesOf(doc).map((shape) => shape.id)).toEqual(['shape:frame']);
    setLocked(doc, 'shape:a', true);
    expect(lockedShapesOf(doc)).toEqual([
      { id: 'shape:frame', kind: 'frame', label: 'Keep', pageId: 'page:page' },
      { id: 'shape:a', kind: 'note', label: 'Harbour', pageId: 'page:page' },
    ]);
  });

  it('lists notes deleted in the last hour, latest first, with where they go back, and not once restored', () => {
    const doc = board();
    const nuuk = addGathering(doc, { title: 'Nuuk' });
    const start = 1_800_000_000_000;
    writeRecord(doc, noteRecord('shape:a', 'Harbour', nuuk.pageId, nuuk.id));
    writeRecord(doc, noteRecord('shape:b', 'School', 'page:page', null));
    deleteNote(doc, 'shape:a', start);
    deleteNote(doc, 'shape:b', start + 1000);
    const listed = deletedNoteItemsOf(doc, start + 2000);
    expect(listed.map((item) => [item.id, item.text, item.gathering, item.fallbackPageId])).toEqual([
      ['shape:b', 'School', null, 'page:page'],
      ['shape:a', 'Harbour', 'Nuuk', nuuk.pageId],
    ]);
    expect(listed[0]).toMatchObject({ group: 'citizen', deletedAt: start + 1000 });
    expect(restoreNote(doc, 'shape:a', listed[1].fallbackPageId ?? 'page:page')).toBe(true);
    expect(deletedNoteItemsOf(doc, start + 2000).map((item) => item.id)).toEqual(['shape:b']);
    expect(deletedNoteItemsOf(doc, start + 1000 + RESTORE_WINDOW_MS)).toEqual([]);
  });

  it('counts what deleting the workshop erases', () => {
    const doc = board();
    expect(workshopContentsOf(doc)).toEqual({ notes: 0, threads: 0, participants: 0, narrative: false });
    writeRecord(doc, noteRecord('shape:a', 'Harbour', 'page:page', null));
    listParticipant(doc, 'p1', { name: null, group: 'citizen' });
    startThread(doc, FACILITATOR, { title: 'Harbour walk' });
    expect(workshopContentsOf(doc)).toEqual({ notes: 1, threads: 1, participants: 1, narrative: false });
  });
});
