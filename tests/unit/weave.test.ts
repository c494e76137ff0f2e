import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seedBoard } from '../../shared/domain/board';
import { addGathering, removeGathering, type Gathering } from '../../shared/domain/gatherings';
import { FACILITATOR, type Identity } from '../../shared/domain/identity';
import { addLearning, linkNotes, startThread } from '../../shared/domain/threads';
import { excerptOf, notesTrailOf, weaveOf } from '../../shared/domain/weave';
import { narrativeOf, recordsOf } from '../../shared/schema';
import { addNote, deleteRecord } from '../helpers/board';
import { heading, passage } from '../helpers/narrative';

const AVIAJA: Identity = { role: 'participant', participantId: 'aviaja', group: 'citizen', name: 'Aviaja' };

function workshop(): Y.Doc {
  const doc = new Y.Doc();
  seedBoard(doc, { title: 'Vision', language: 'da' });
  return doc;
}

/** A note of `participantId` written at `gathering`, as the board writes it (meta names the gathering). */
function noteAt(doc: Y.Doc, id: string, text: string, gathering: Gathering, participantId = 'aviaja'): string {
  addNote(doc, id, text, { participantId, group: 'citizen' });
  const fields = recordsOf(doc).get(id)!;
  fields.set('meta', { ...(fields.get('meta') as Record<string, unknown>), gatheringId: gathering.id });
  return id;
}

describe('the weave', () => {
  it('runs a thread through every gathering where it has notes or learnings, and ends it in the section it was woven into', () => {
    const doc = workshop();
    const nuuk = addGathering(doc, { title: 'Nuuk', place: 'Nuuk', date: '2025-03-12' });
    const tasiilaq = addGathering(doc, { title: 'Tasiilaq', place: 'Tasiilaq', date: '2025-03-16' });
    const paamiut = addGathering(doc, { title: 'Paamiut', place: 'Paamiut', date: '2025-03-20' });
    const boats = noteAt(doc, 'shape:boats', 'Boats for young hunters', nuuk);
    const nets = noteAt(doc, 'shape:nets', 'Shared nets', nuuk);
    const quota = noteAt(doc, 'shape:quota', 'Local quotas', paamiut);
    const thread = startThread(doc, AVIAJA, { title: 'Sea and hunting', noteIds: [boats, nets, quota] }, 1_000);
    addLearning(doc, AVIAJA, thread, 'The school wants in', tasiilaq.id);
    startThread(doc, FACILITATOR, { title: 'Housing' }, 2_000);
    narrativeOf(doc).insert(0, [
      heading('section:intro', 'Indledning'),
      heading('section:sea', 'Hav og fangst'),
      passage('passage:1', thread, 'Fangst binder byerne sammen.', [{ noteId: boats, text: 'Boats for young hunters' }]),
    ]);

    const weave = weaveOf(doc);
    expect(weave.gatherings.map((gathering) => [gathering.title, gathering.place, gathering.date])).toEqual([
      ['Nuuk', 'Nuuk', '2025-03-12'],
      ['Tasiilaq', 'Tasiilaq', '2025-03-16'],
      ['Paamiut', 'Paamiut', '2025-03-20'],
    ]);
    expect(weave.sections).toEqual([
      { id: 'section:intro', heading: 'Indledning' },
      { id: 'section:sea', heading: 'Hav og fangst' },
    ]);
    const [sea, housing] = weave.strands;
    expect(sea).toMatchObject({ threadId: thread, title: 'Sea and hunting', status: 'idea', sectionIds: ['section:sea'], elsewhere: 0 });
    expect(sea.stops).toEqual([
      { gatheringId: nuuk.id, notes: 2, learnings: 0 },
      { gatheringId: tasiilaq.id, notes: 0, learnings: 1 },
      { gatheringId: paamiut.id, notes: 1, learnings: 0 },
    ]);
    expect(housing).toMatchObject({ title: 'Housing', stops: [], sectionIds: [], elsewhere: 0 });
  });

  it('follows the facilitator’s order of gatherings and leaves archived ones off the time line, counting what was there', () => {
    const doc = workshop();
    const first = addGathering(doc, { title: 'First' });
    const second = addGathering(doc, { title: 'Second' });
    const note = noteAt(doc, 'shape:one', 'One', second);
    const thread = startThread(doc, AVIAJA, { title: 'T', noteIds: [note] });
    addLearning(doc, AVIAJA, thread, 'Learned without a gathering', null);
    expect(weaveOf(doc).strands[0].stops).toEqual([{ gatheringId: second.id, notes: 1, learnings: 0 }]);

    expect(removeGathering(doc, second.id)).toBe('archived');
    const weave = weaveOf(doc);
    expect(weave.gatherings.map((gathering) => gathering.id)).toEqual([first.id]);
    expect(weave.strands[0]).toMatchObject({ stops: [], elsewhere: 2 });
  });

  it("places a note without a gathering of its own at the gathering of its page", () => {
    const doc = workshop();
    const first = addGathering(doc, { title: 'First' });
    addGathering(doc, { title: 'Second' });
    // Written on the board's first page before any gathering existed: the first gathering took the page.
    addNote(doc, 'shape:early', 'Early', { participantId: 'aviaja', group: 'citizen' });
    const thread = startThread(doc, AVIAJA, { title: 'T', noteIds: ['shape:early'] });
    expect(weaveOf(doc).strands[0].stops).toEqual([{ gatheringId: first.id, notes: 1, learnings: 0 }]);
    expect(notesTrailOf(doc, 'aviaja').notes).toMatchObject([{ noteId: 'shape:early', gatheringId: first.id, threads: [{ id: thread }] }]);
  });

  it('forgets links to deleted notes', () => {
    const doc = workshop();
    const gathering = addGathering(doc, { title: 'Only' });
    const kept = noteAt(doc, 'shape:kept', 'Kept', gathering);
    const gone = noteAt(doc, 'shape:gone', 'Gone', gathering);
    startThread(doc, AVIAJA, { title: 'T', noteIds: [kept, gone] });
    deleteRecord(doc, gone);
    expect(weaveOf(doc).strands[0]).toMatchObject({ stops: [{ gatheringId: gathering.id, notes: 1, learnings: 0 }], elsewhere: 0 });
  });

  it('is empty for a new workshop', () => {
    expect(weaveOf(workshop())).toEqual({ gatherings: [], sections: [], strands: [] });
  });
});

describe('where did my note go', () => {
  it("lists each of a participant's notes with its gathering, threads and passages, and counts them", () => {
    const doc = workshop();
    const nuuk = addGathering(doc, { title: 'Nuuk', place: 'Nuuk' });
    const paamiut = addGathering(doc, { title: 'Paamiut', place: 'Paamiut' });
    const woven = noteAt(doc, 'shape:woven', 'Boats for young hunters', paamiut);
    const linked = noteAt(doc, 'shape:linked', 'A youth council', nuuk);
    const alone = noteAt(doc, 'shape:alone', 'Better internet', nuuk);
    noteAt(doc, 'shape:other', 'Not mine', nuuk, 'someone-else');
    const sea = startThread(doc, AVIAJA, { title: 'Sea and hunting', noteIds: [woven] }, 1_000);
    const youth = startThread(doc, FACILITATOR, { title: 'Youth', noteIds: [linked, woven] }, 2_000);
    narrativeOf(doc).insert(0, [
      heading('section:sea', 'Hav og fangst'),
      passage('passage:1', sea, 'Fangst binder byerne sammen.', [{ noteId: woven, text: 'Boats for young hunters' }]),
    ]);

    const trail = notesTrailOf(doc, 'aviaja');
    expect(trail.notes.map((note) => [note.text, note.gatheringId])).toEqual([
      ['A youth council', nuuk.id],
      ['Better internet', nuuk.id],
      ['Boats for young hunters', paamiut.id],
    ]);
    const [youthNote, aloneNote, wovenNote] = trail.notes;
    expect(youthNote.threads).toEqual([{ id: youth, title: 'Youth', index: 1 }]);
    expect(youthNote.passages).toEqual([]);
    expect(aloneNote).toMatchObject({ threads: [], passages: [] });
    expect(wovenNote.threads.map((thread) => thread.title).sort()).toEqual(['Sea and hunting', 'Youth']);
    expect(wovenNote.passages).toEqual([
      { passageId: 'passage:1', sectionId: 'section:sea', heading: 'Hav og fangst', excerpt: 'Fangst binder byerne sammen. “Boats for young hunters”' },
    ]);
    expect(trail).toMatchObject({ inThread: 2, inNarrative: 1 });
  });

  it('has nothing for a participant without notes', () => {
    expect(notesTrailOf(workshop(), 'nobody')).toEqual({ notes: [], inThread: 0, inNarrative: 0 });
  });

  it('shortens a long passage at a word', () => {
    const text = 'word '.repeat(60);
    const excerpt = excerptOf(text, 40);
    expect(excerpt.length).toBeLessThanOrEqual(40);
    expect(excerpt).toMatch(/^word( word)*…$/);
    expect(excerptOf('  short\n text ')).toBe('short text');
  });
});
