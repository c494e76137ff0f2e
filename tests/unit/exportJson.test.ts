import { describe, expect, it } from 'vitest';
import { gatheringExport, workshopExport } from '../../shared/export';
import { exportProcess, FACTS, HOSTILE_IMAGE } from './exportFixture';

describe('the JSON export', () => {
  it('has exactly the contract’s keys, and every gathering, step, shown note, thread and section', () => {
    const { doc, ids } = exportProcess();
    const exported = workshopExport(doc, FACTS);

    expect(Object.keys(exported).sort()).toEqual(['gatherings', 'narrative', 'notes', 'participants', 'steps', 'threads', 'workshop']);
    expect(exported.workshop).toEqual(FACTS);
    expect(exported.participants).toEqual(
      expect.arrayContaining([
        { id: 'aviaja', name: 'Aviaja', group: 'citizen' },
        { id: 'bo', name: null, group: 'politician' },
      ]),
    );
    expect(exported.gatherings.map((gathering) => Object.keys(gathering).sort())).toEqual(Array(3).fill(['date', 'id', 'location', 'title']));
    expect(exported.gatherings.map((gathering) => [gathering.location, gathering.date])).toEqual([
      ['Nuuk', '2025-03-12'],
      ['Tasiilaq', '2025-03-16'],
      ['Paamiut', '2025-03-20'],
    ]);
    expect(exported.steps.map((step) => [step.title, step.gatheringId])).toEqual([
      ['Hvad er særligt i Nuuk?', ids.nuuk],
      ['Hvad er særligt i Tasiilaq?', ids.tasiilaq],
      ['Hvad er særligt i Paamiut?', ids.paamiut],
    ]);
    for (const step of exported.steps) {
      expect(Object.keys(step).sort()).toEqual(['durationSec', 'gatheringId', 'id', 'prompt', 'title']);
      expect(step.durationSec).toBe(600);
    }
    expect(exported.notes).toHaveLength(4);
    for (const note of exported.notes) expect(Object.keys(note).sort()).toEqual(['gatheringId', 'group', 'id', 'text', 'threadIds', 'votes']);
    expect(exported.threads).toHaveLength(2);
    for (const thread of exported.threads) {
      expect(Object.keys(thread).sort()).toEqual(['goal', 'id', 'learnings', 'noteIds', 'owner', 'purpose', 'status', 'title']);
    }
    expect(exported.narrative).toEqual([
      { id: 'section:intro', heading: 'Indledning', text: '', threadIds: [] },
      { id: 'section:sea', heading: 'Hav og fangst', text: 'Fangst binder byerne sammen. “Både til unge fangere”', threadIds: [ids.sea] },
    ]);
  });

  it('gives each note its gathering, its threads and the dots of revealed votes, as plain text', () => {
    const { doc, ids } = exportProcess();
    const notes = new Map(workshopExport(doc, FACTS).notes.map((note) => [note.id, note]));

    expect(notes.get(ids.boats)).toEqual({ id: ids.boats, text: 'Både til unge fangere', group: 'citizen', gatheringId: ids.nuuk, threadIds: [ids.sea], votes: 3 });
    expect(notes.get(ids.nets)).toMatchObject({ gatheringId: ids.tasiilaq, threadIds: expect.arrayContaining([ids.sea, ids.housing]), votes: 1 });
    expect(notes.get(ids.image)).toMatchObject({ text: HOSTILE_IMAGE, votes: 0 });
    expect(notes.get(ids.link)).toMatchObject({ gatheringId: ids.paamiut, votes: 0 });
  });

  it('leaves out hidden notes, also from their threads, and dates learnings', () => {
    const { doc, ids } = exportProcess();
    const exported = workshopExport(doc, FACTS);
    const sea = exported.threads.find((thread) => thread.id === ids.sea)!;

    expect(exported.notes.map((note) => note.id)).not.toContain(ids.hidden);
    expect(JSON.stringify(exported)).not.toContain('Skjult seddel');
    expect(sea.noteIds).toEqual([ids.boats, ids.nets, ids.image, ids.link]);
    expect(sea.learnings).toEqual([{ text: 'Skolen vil være med', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }]);
  });

  it('gives one gathering’s part: its steps and notes, and the threads with only its notes', () => {
    const { doc, ids } = exportProcess();
    const tasiilaq = gatheringExport(doc, FACTS, ids.tasiilaq)!;

    expect(tasiilaq.gatherings.map((gathering) => gathering.id)).toEqual([ids.tasiilaq]);
    expect(tasiilaq.steps.map((step) => step.title)).toEqual(['Hvad er særligt i Tasiilaq?']);
    expect(tasiilaq.notes.map((note) => note.id).sort()).toEqual([ids.image, ids.nets].sort());
    expect(tasiilaq.threads.map((thread) => [thread.id, thread.noteIds.sort()])).toEqual([
      [ids.sea, [ids.image, ids.nets].sort()],
      [ids.housing, [ids.nets]],
    ]);
    // The participants and the narrative are the workshop's, as in the whole export.
    expect(tasiilaq.participants).toEqual(workshopExport(doc, FACTS).participants);
    expect(gatheringExport(doc, FACTS, 'no-such-gathering')).toBeNull();
  });
});
