import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addGathering, gatheringsOf } from '../../shared/domain/gatherings';
import { FACILITATOR } from '../../shared/domain/identity';
import { setHidden } from '../../shared/domain/moderation';
import { addStep } from '../../shared/domain/steps';
import { startThread } from '../../shared/domain/threads';
import { recordsOf } from '../../shared/schema';
import { shortNoteText, stepNoteIds, threadNoteIds, voteNoteRows } from '../../client/workshop/votes/voteNotes';
import { addNote } from '../helpers/board';

/** A board with one step whose frame holds notes, one note beside it, and an empty one. */
function board() {
  const doc = new Y.Doc();
  addGathering(doc, { title: 'Nuuk', place: 'Nuuk', date: '2025-03-12' });
  const [nuuk] = gatheringsOf(doc);
  const step = addStep(doc, nuuk.id, { title: 'Choose' });
  const inFrame = (id: string, text: string, x: number, y: number): void => {
    addNote(doc, id, text, { participantId: 'p1', group: 'citizen' }, x, y);
    recordsOf(doc).get(id)?.set('parentId', step.frameId);
  };
  inFrame('shape:lower', 'Lower row', 20, 300);
  inFrame('shape:right', 'Right', 300, 20);
  inFrame('shape:left', 'Left', 20, 20);
  inFrame('shape:empty', '  ', 500, 20);
  addNote(doc, 'shape:outside', 'Beside the frame', { participantId: 'p2', group: 'politician' }, 3000, 0);
  recordsOf(doc).get('shape:outside')?.set('parentId', nuuk.pageId);
  return { doc, step };
}

describe('the notes a vote holds', () => {
  it("holds a step's notes inside its frame, in reading order, without empty ones", () => {
    const { doc, step } = board();
    expect(stepNoteIds(doc, step)).toEqual(['shape:left', 'shape:right', 'shape:lower']);
  });

  it('leaves out a note the facilitator hid, on the ballot too', () => {
    const { doc, step } = board();
    setHidden(doc, 'shape:right', true);
    expect(stepNoteIds(doc, step)).toEqual(['shape:left', 'shape:lower']);
    expect(voteNoteRows(doc, ['shape:left', 'shape:right']).map((row) => row.noteId)).toEqual(['shape:left']);
  });

  it("holds a thread's notes in the thread's order", () => {
    const { doc } = board();
    const threadId = startThread(doc, FACILITATOR, { title: 'Youth', noteIds: ['shape:outside', 'shape:left', 'shape:empty'] });
    expect(threadNoteIds(doc, threadId)).toEqual(['shape:outside', 'shape:left']);
  });

  it('lists text and group, and a note since deleted not at all', () => {
    const { doc } = board();
    recordsOf(doc).delete('shape:left');
    expect(voteNoteRows(doc, ['shape:left', 'shape:outside'])).toEqual([{ noteId: 'shape:outside', text: 'Beside the frame', group: 'politician' }]);
  });

  it("cuts a long note's text for a button's name", () => {
    expect(shortNoteText('a  b\nc')).toBe('a b c');
    expect(shortNoteText('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
