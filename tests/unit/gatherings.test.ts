import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  activeGatheringsOf, addGathering, currentGatheringId, gatheringOf, gatheringOfNote, gatheringOfPage, gatheringsOf, moveGathering,
  removeGathering, restoreGathering, setCurrentGathering, updateGathering,
} from '../../shared/domain/gatherings';
import { plainText, processNoteOf, processNotesOf } from '../../shared/domain/notes';
import { gatheringsMapOf, liveOf, recordsOf } from '../../shared/schema';
import { baseRecords, note, PAGE_ID } from './storeFixtures';
import type { TLShapeId } from 'tldraw';

function writeRecord(doc: Y.Doc, record: object): void {
  const fields = new Y.Map<unknown>();
  recordsOf(doc).set((record as { id: string }).id, fields);
  for (const [key, value] of Object.entries(record)) fields.set(key, value);
}

/** A board as every workshop starts: its document record and one page, `page:page`. */
function board(): Y.Doc {
  const doc = new Y.Doc();
  for (const record of baseRecords()) writeRecord(doc, record);
  return doc;
}

function addNote(doc: Y.Doc, id: string, parentId: string, gatheringId: string | null = null): void {
  writeRecord(doc, { ...note(id as TLShapeId, `Note ${id}`), parentId, meta: { group: 'citizen', participantId: 'p1', gatheringId } });
}

const pageName = (doc: Y.Doc, pageId: string) => (recordsOf(doc).get(pageId) as Y.Map<unknown>).get('name');
const titles = (doc: Y.Doc) => activeGatheringsOf(doc).map((gathering) => gathering.title);

describe('adding gatherings', () => {
  it('the first one adopts the board’s existing page, with what was written there, and becomes current', () => {
    const doc = board();
    addNote(doc, 'shape:early', PAGE_ID);
    const first = addGathering(doc, { title: ' Nuuk ', place: 'Nuuk', date: '2025-03-04' });
    expect(first).toMatchObject({ title: 'Nuuk', place: 'Nuuk', date: '2025-03-04', pageId: 'page:page', archived: false });
    expect(pageName(doc, 'page:page')).toBe('Nuuk');
    expect(currentGatheringId(doc)).toBe(first.id);
    expect(gatheringOfNote(doc, processNoteOf(doc, 'shape:early')!)?.id).toBe(first.id);
  });

  it('later ones get a page of their own, after the others, and the current one stays', () => {
    const doc = board();
    const first = addGathering(doc, { title: 'Nuuk' });
    const second = addGathering(doc, { title: 'Tasiilaq', place: 'Tasiilaq' });
    expect(second.pageId).not.toBe('page:page');
    expect(recordsOf(doc).get(second.pageId)?.get('typeName')).toBe('page');
    expect(pageName(doc, second.pageId)).toBe('Tasiilaq');
    expect(second.order > first.order).toBe(true);
    expect(titles(doc)).toEqual(['Nuuk', 'Tasiilaq']);
    expect(currentGatheringId(doc)).toBe(first.id);
    expect(gatheringOfPage(doc, second.pageId)?.id).toBe(second.id);
  });

  it('refuses a title that is empty or too long, and a date that is not a day', () => {
    const doc = board();
    expect(() => addGathering(doc, { title: '  ' })).toThrow();
    expect(() => addGathering(doc, { title: 'x'.repeat(121) })).toThrow();
    expect(() => addGathering(doc, { title: 'Nuuk', date: '4. marts' })).toThrow();
    expect(gatheringsOf(doc)).toEqual([]);
  });

  it('renaming a gathering renames its page; place and date may be cleared', () => {
    const doc = board();
    const first = addGathering(doc, { title: 'Nuuk', place: 'Nuuk', date: '2025-03-04' });
    updateGathering(doc, first.id, { title: 'Nuuk, dag 2', place: null, date: null });
    expect(gatheringOf(doc, first.id)).toMatchObject({ title: 'Nuuk, dag 2', place: null, date: null });
    expect(pageName(doc, 'page:page')).toBe('Nuuk, dag 2');
  });
});

describe('ordering gatherings', () => {
  it('moves a gathering earlier and later, and not past either end', () => {
    const doc = board();
    const [a, b, c] = ['A', 'B', 'C'].map((title) => addGathering(doc, { title }));
    moveGathering(doc, c.id, -1);
    expect(titles(doc)).toEqual(['A', 'C', 'B']);
    moveGathering(doc, a.id, 1);
    expect(titles(doc)).toEqual(['C', 'A', 'B']);
    moveGathering(doc, c.id, -1);
    moveGathering(doc, b.id, 1);
    expect(titles(doc)).toEqual(['C', 'A', 'B']);
  });

  it('moves past a gathering that shares its place (added at once in two tabs)', () => {
    const doc = board();
    const [a, b, c] = ['A', 'B', 'C'].map((title) => addGathering(doc, { title }));
    gatheringsMapOf(doc).get(c.id)?.set('order', gatheringOf(doc, b.id)!.order);
    const before = titles(doc);
    moveGathering(doc, a.id, 1);
    expect(titles(doc)).toEqual([before[1], 'A', before[2]]);
    moveGathering(doc, a.id, 1);
    expect(titles(doc)).toEqual([before[1], before[2], 'A']);
  });
});

describe('removing gatherings', () => {
  it('erases an empty gathering with its page, and archives one with notes', () => {
    const doc = board();
    const first = addGathering(doc, { title: 'Nuuk' });
    const empty = addGathering(doc, { title: 'Tom' });
    const full = addGathering(doc, { title: 'Fuld' });
    addNote(doc, 'shape:n', full.pageId);
    expect(removeGathering(doc, empty.id)).toBe('removed');
    expect(gatheringOf(doc, empty.id)).toBeUndefined();
    expect(recordsOf(doc).has(empty.pageId)).toBe(false);
    expect(removeGathering(doc, full.id)).toBe('archived');
    expect(gatheringOf(doc, full.id)?.archived).toBe(true);
    expect(recordsOf(doc).has('shape:n')).toBe(true);
    expect(titles(doc)).toEqual(['Nuuk']);
    expect(gatheringsOf(doc).map((gathering) => gathering.title)).toEqual(['Nuuk', 'Fuld']);
    restoreGathering(doc, full.id);
    expect(titles(doc)).toEqual(['Nuuk', 'Fuld']);
    expect(first.pageId).toBe('page:page');
  });

  it('archives a gathering whose notes sit elsewhere, and the board’s only page', () => {
    const doc = board();
    const first = addGathering(doc, { title: 'Nuuk' });
    const second = addGathering(doc, { title: 'Tasiilaq' });
    addNote(doc, 'shape:imported', first.pageId, second.id);
    expect(removeGathering(doc, second.id)).toBe('archived');
    const alone = board();
    const only = addGathering(alone, { title: 'Eneste' });
    expect(removeGathering(alone, only.id)).toBe('archived');
    expect(recordsOf(alone).has('page:page')).toBe(true);
  });

  it('everyone moves on to another gathering when the current one goes, never to an archived one', () => {
    const doc = board();
    const first = addGathering(doc, { title: 'Nuuk' });
    const second = addGathering(doc, { title: 'Tasiilaq' });
    addNote(doc, 'shape:n', first.pageId);
    expect(removeGathering(doc, first.id)).toBe('archived');
    expect(currentGatheringId(doc)).toBe(second.id);
    setCurrentGathering(doc, first.id);
    expect(currentGatheringId(doc)).toBe(second.id);
    // Archived by another tab while it was current: everyone opens on an active one.
    liveOf(doc).set('gatheringId', first.id);
    expect(currentGatheringId(doc)).toBe(second.id);
    restoreGathering(doc, first.id);
    setCurrentGathering(doc, first.id);
    expect(currentGatheringId(doc)).toBe(first.id);
  });
});

describe('notes know their gathering', () => {
  it('by their meta when it names one, else by the page they sit on (through frames)', () => {
    const doc = board();
    const first = addGathering(doc, { title: 'Nuuk' });
    const second = addGathering(doc, { title: 'Tasiilaq' });
    writeRecord(doc, { id: 'shape:frame', typeName: 'shape', type: 'frame', parentId: second.pageId, meta: {} });
    addNote(doc, 'shape:framed', 'shape:frame');
    addNote(doc, 'shape:imported', second.pageId, first.id);
    addNote(doc, 'shape:orphan', second.pageId, 'gathering:removed');
    const gatheringOfId = (id: string) => gatheringOfNote(doc, processNoteOf(doc, id)!)?.title;
    expect(processNoteOf(doc, 'shape:framed')?.pageId).toBe(second.pageId);
    expect(gatheringOfId('shape:framed')).toBe('Tasiilaq');
    expect(gatheringOfId('shape:imported')).toBe('Nuuk');
    expect(gatheringOfId('shape:orphan')).toBe('Tasiilaq');
    expect(processNotesOf(doc).map((n) => n.id).sort()).toEqual(['shape:framed', 'shape:imported', 'shape:orphan']);
  });

  it('reads a note whose meta or props are not objects without failing', () => {
    const doc = board();
    writeRecord(doc, { ...note('shape:odd' as TLShapeId), meta: 'x', props: null });
    expect(processNoteOf(doc, 'shape:odd')).toMatchObject({ text: '', group: null, participantId: null, gatheringId: null });
  });

  it('gives a note’s rich text as plain text, one block a line', () => {
    const text = (value: string) => ({ type: 'text', text: value });
    const paragraph = (...content: object[]) => ({ type: 'paragraph', content });
    const rich = {
      type: 'doc',
      content: [
        paragraph(text('Bevar '), { type: 'text', text: 'havnen', marks: [{ type: 'bold' }] }),
        paragraph(text('Første'), { type: 'hardBreak' }, text('anden')),
        { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('en'))] }, { type: 'listItem', content: [paragraph(text('to'))] }] },
        { type: 'blockquote', content: [paragraph(text('citat 1')), paragraph(text('citat 2'))] },
        paragraph(),
      ],
    };
    expect(plainText(rich)).toBe('Bevar havnen\nFørste\nanden\nen\nto\ncitat 1\ncitat 2');
    expect(plainText(paragraph(text('alene')))).toBe('alene');
    expect(plainText(null)).toBe('');
    let deep: object = text('dybt');
    for (let level = 0; level < 100_000; level++) deep = { type: 'paragraph', content: [deep] };
    expect(plainText({ type: 'doc', content: [deep] })).toBe('dybt');
  });
});
