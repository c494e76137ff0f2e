import type { TLNoteShape } from 'tldraw';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { stamped } from '../../client/canvas/authorship';
import { gatheringDate, gatheringFacts } from '../../client/workshop/gatherings/gatheringFacts';
import { gatheringOfNoteIn, noteCountsByGathering } from '../../client/workshop/gatherings/gatheringNotes';
import { seedBoard } from '../../shared/domain/board';
import { addGathering, gatheringOfNote } from '../../shared/domain/gatherings';
import { processNotesOf } from '../../shared/domain/notes';
import { FACILITATOR, type Identity } from '../../shared/domain/identity';
import { recordsOf } from '../../shared/schema';
import { addNote, noteRecord } from '../helpers/board';

const ANNA: Identity = { role: 'participant', participantId: 'anna', group: 'employee', name: 'Anna' };

describe('gatherings as the board shows them', () => {
  it('writes a gathering’s day in the reader’s language, the same day in every time zone', () => {
    expect(gatheringDate('2025-03-12', 'en-GB')).toBe('12 March 2025');
    expect(gatheringDate('2025-03-12', 'da')).toBe('12. marts 2025');
    expect(gatheringDate('2025-03-12', 'sv')).toBe('12 mars 2025');
    // Greenlandic readers get Danish.
    expect(gatheringDate('2025-03-12', 'kl')).toBe('12. marts 2025');
    expect(gatheringDate(null, 'en')).toBeNull();
    expect(gatheringFacts({ place: 'Nuuk', date: '2025-03-12' }, 'en-GB')).toBe('Nuuk · 12 March 2025');
    expect(gatheringFacts({ place: null, date: null }, 'en')).toBe('');
  });

  it('counts the notes each gathering holds, by meta or by page', () => {
    const doc = new Y.Doc();
    seedBoard(doc, { title: 'Vision', language: 'en' });
    addNote(doc, 'shape:one', 'One', null);
    const nuuk = addGathering(doc, { title: 'Nuuk' });
    const tasiilaq = addGathering(doc, { title: 'Tasiilaq' });
    const two = noteRecord('shape:two', 'Two', null);
    two.parentId = tasiilaq.pageId;
    doc.transact(() => {
      const fields = new Y.Map<unknown>();
      recordsOf(doc).set('shape:two', fields);
      for (const [key, value] of Object.entries(two)) fields.set(key, value);
    });
    expect(Object.fromEntries(noteCountsByGathering(doc))).toEqual({ [nuuk.id]: 1, [tasiilaq.id]: 1 });
    // Read with the gatherings once, each note's gathering is the domain's answer.
    const gatheringOf = gatheringOfNoteIn(doc);
    for (const note of processNotesOf(doc)) expect(gatheringOf(note)?.id).toBe(gatheringOfNote(doc, note)?.id);
  });

  it('stamps a new note with the gathering of the page it is made on; a facilitator’s pasted note keeps its own', () => {
    const note = { id: 'shape:n', typeName: 'shape', type: 'note', meta: {}, props: { color: 'yellow' } } as unknown as TLNoteShape;
    expect(stamped(note, ANNA, 'gathering:nuuk').meta).toEqual({ group: 'employee', participantId: 'anna', gatheringId: 'gathering:nuuk' });
    expect(stamped(note, ANNA).meta.gatheringId).toBeNull();
    const pasted = { ...note, meta: { group: 'citizen', participantId: 'bo', gatheringId: 'gathering:paamiut' } } as TLNoteShape;
    expect(stamped(pasted, FACILITATOR, 'gathering:nuuk').meta.gatheringId).toBe('gathering:paamiut');
    // A participant's paste is theirs, made where they paste it.
    expect(stamped(pasted, ANNA, 'gathering:nuuk').meta).toEqual({ group: 'employee', participantId: 'anna', gatheringId: 'gathering:nuuk' });
  });
});
