import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { FACILITATOR, type Identity } from '../../shared/domain/identity';
import { isOrderKey, orderKeysAfter, ordersForMove } from '../../shared/domain/ids';
import {
  addLearning, linkFrom, linkKey, linkNotes, moveLinkedNote, removeLearning, removeThread, startThread, threadIdsOfNote, threadOf,
  threadsOf, unlinkNote, updateThread,
} from '../../shared/domain/threads';
import { learningsOf, threadNotesOf } from '../../shared/schema';

const citizen: Identity = { role: 'participant', participantId: 'p1', group: 'citizen', name: 'Aviaja' };
const politician: Identity = { role: 'participant', participantId: 'p2', group: 'politician', name: null };

/** Two documents that have exchanged everything. */
function pair(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  return [a, b];
}

function exchange(a: Y.Doc, b: Y.Doc): void {
  const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, fromA);
  Y.applyUpdate(a, fromB);
}

const notes = (doc: Y.Doc, id: string) => threadOf(doc, id)?.noteIds;

describe('starting threads and changing their cards', () => {
  it('a participant’s thread is its own idea; the facilitator’s has no owner', () => {
    const doc = new Y.Doc();
    const mine = startThread(doc, citizen, { title: '  Havnen ', purpose: 'Liv', goal: 'Bænke' }, 1000);
    const theirs = startThread(doc, FACILITATOR, { title: 'Fælles' }, 500);
    expect(threadOf(doc, mine)).toMatchObject({ title: 'Havnen', purpose: 'Liv', goal: 'Bænke', owner: 'p1', createdBy: 'p1', status: 'idea', createdAt: 1000 });
    expect(threadOf(doc, theirs)).toMatchObject({ owner: null, createdBy: null });
    expect(threadsOf(doc).map((thread) => thread.title)).toEqual(['Fælles', 'Havnen']);
  });

  it('cuts text to the card’s limits and keeps only known statuses', () => {
    const doc = new Y.Doc();
    const id = startThread(doc, citizen, { title: 'x'.repeat(300), purpose: 'y'.repeat(5000) });
    updateThread(doc, id, { status: 'finished' as never, goal: 'z'.repeat(5000), owner: 'p2' });
    const thread = threadOf(doc, id)!;
    expect([thread.title.length, thread.purpose.length, thread.goal.length]).toEqual([200, 4000, 4000]);
    expect(thread).toMatchObject({ status: 'idea', owner: 'p2' });
  });

  it('a thread started from notes links them in the order given', () => {
    const doc = new Y.Doc();
    const id = startThread(doc, citizen, { title: 'Havnen', noteIds: ['shape:c', 'shape:a', 'shape:b', 'shape:a'] });
    expect(notes(doc, id)).toEqual(['shape:c', 'shape:a', 'shape:b']);
    expect(threadIdsOfNote(doc, 'shape:a')).toEqual([id]);
  });
});

describe('links of notes', () => {
  it('appends notes, leaves linked ones where they are, and names who linked them', () => {
    const doc = new Y.Doc();
    const id = startThread(doc, citizen, { title: 'Havnen', noteIds: ['shape:a'] });
    linkNotes(doc, politician, id, ['shape:b', 'shape:a', 'shape:c']);
    expect(notes(doc, id)).toEqual(['shape:a', 'shape:b', 'shape:c']);
    expect(linkFrom(threadNotesOf(doc).get(linkKey(id, 'shape:a')))?.linkedBy).toBe('p1');
    expect(linkFrom(threadNotesOf(doc).get(linkKey(id, 'shape:b')))?.linkedBy).toBe('p2');
    unlinkNote(doc, id, 'shape:b');
    expect(notes(doc, id)).toEqual(['shape:a', 'shape:c']);
  });

  it('links nothing to a thread the document does not have', () => {
    const doc = new Y.Doc();
    linkNotes(doc, citizen, 'thread:none', ['shape:a']);
    expect(threadNotesOf(doc).size).toBe(0);
  });

  it('notes linked at once in two documents keep together, in the order each gave, the same everywhere', () => {
    for (let round = 0; round < 25; round++) {
      const [a, b] = pair();
      const id = startThread(a, citizen, { title: 'Havnen', noteIds: ['shape:first'] });
      exchange(a, b);
      linkNotes(a, citizen, id, ['shape:a1', 'shape:a2', 'shape:a3']);
      linkNotes(b, politician, id, ['shape:b1', 'shape:b2']);
      exchange(a, b);
      const order = notes(a, id)!;
      expect(notes(b, id)).toEqual(order);
      expect(order[0]).toBe('shape:first');
      const together = order.slice(1).join(' ');
      expect(['shape:a1 shape:a2 shape:a3 shape:b1 shape:b2', 'shape:b1 shape:b2 shape:a1 shape:a2 shape:a3']).toContain(together);
      for (const link of threadNotesOf(a).values()) expect(isOrderKey(linkFrom(link)?.order, 64)).toBe(true);
    }
  });

  it('the same note linked in two documents at once is one link', () => {
    const [a, b] = pair();
    const id = startThread(a, citizen, { title: 'Havnen' });
    exchange(a, b);
    linkNotes(a, citizen, id, ['shape:x']);
    linkNotes(b, politician, id, ['shape:x']);
    exchange(a, b);
    expect(notes(a, id)).toEqual(['shape:x']);
    expect(notes(b, id)).toEqual(['shape:x']);
  });

  it('moves a note earlier and later, naming who moved it', () => {
    const doc = new Y.Doc();
    const id = startThread(doc, citizen, { title: 'Havnen', noteIds: ['shape:a', 'shape:b', 'shape:c'] });
    moveLinkedNote(doc, politician, id, 'shape:c', -1);
    expect(notes(doc, id)).toEqual(['shape:a', 'shape:c', 'shape:b']);
    moveLinkedNote(doc, politician, id, 'shape:a', 1);
    expect(notes(doc, id)).toEqual(['shape:c', 'shape:a', 'shape:b']);
    moveLinkedNote(doc, politician, id, 'shape:c', -1);
    moveLinkedNote(doc, politician, id, 'shape:b', 1);
    expect(notes(doc, id)).toEqual(['shape:c', 'shape:a', 'shape:b']);
    expect(linkFrom(threadNotesOf(doc).get(linkKey(id, 'shape:c')))?.linkedBy).toBe('p2');
    expect(linkFrom(threadNotesOf(doc).get(linkKey(id, 'shape:a')))?.linkedBy).toBe('p2');
    expect(linkFrom(threadNotesOf(doc).get(linkKey(id, 'shape:b')))?.linkedBy).toBe('p1');
  });

  it('moves a note past two that share a place, and past concurrent moves, converging', () => {
    const [a, b] = pair();
    const id = startThread(a, citizen, { title: 'Havnen', noteIds: ['shape:1', 'shape:2', 'shape:3'] });
    const tied = linkFrom(threadNotesOf(a).get(linkKey(id, 'shape:2')))!;
    threadNotesOf(a).set(linkKey(id, 'shape:3'), { ...tied, noteId: 'shape:3' });
    const before = notes(a, id)!;
    moveLinkedNote(a, citizen, id, 'shape:1', 1);
    expect(notes(a, id)).toEqual([before[1], 'shape:1', before[2]]);
    exchange(a, b);
    moveLinkedNote(a, citizen, id, 'shape:1', -1);
    moveLinkedNote(b, politician, id, 'shape:1', 1);
    exchange(a, b);
    expect(notes(a, id)).toEqual(notes(b, id));
    expect(new Set(notes(a, id))).toEqual(new Set(['shape:1', 'shape:2', 'shape:3']));
  });

  it('keeps order keys short through many moves back and forth', () => {
    const doc = new Y.Doc();
    const id = startThread(doc, citizen, { title: 'Havnen', noteIds: ['shape:a', 'shape:b', 'shape:c', 'shape:d'] });
    for (let move = 0; move < 400; move++) moveLinkedNote(doc, citizen, id, 'shape:b', move % 2 === 0 ? 1 : -1);
    for (const link of threadNotesOf(doc).values()) expect(isOrderKey(linkFrom(link)?.order, 64)).toBe(true);
    expect(notes(doc, id)).toEqual(['shape:a', 'shape:b', 'shape:c', 'shape:d']);
  });
});

describe('learnings', () => {
  it('are listed by date, with the writer and group, whatever order they were added in', () => {
    const doc = new Y.Doc();
    const id = startThread(doc, citizen, { title: 'Havnen' });
    addLearning(doc, citizen, id, 'Tredje', 'gathering:b', 3000);
    addLearning(doc, FACILITATOR, id, 'Første', null, 1000);
    addLearning(doc, politician, id, '  Anden  ', 'gathering:a', 2000);
    const learnings = threadOf(doc, id)!.learnings;
    expect(learnings.map((learning) => learning.text)).toEqual(['Første', 'Anden', 'Tredje']);
    expect(learnings[0]).toMatchObject({ writer: null, group: null, gatheringId: null });
    expect(learnings[1]).toMatchObject({ writer: 'p2', group: 'politician', gatheringId: 'gathering:a', at: 2000 });
  });

  it('writes nothing for an empty learning or a thread the document does not have', () => {
    const doc = new Y.Doc();
    const id = startThread(doc, citizen, { title: 'Havnen' });
    expect(() => addLearning(doc, citizen, id, '   ', null)).toThrow();
    expect(() => addLearning(doc, citizen, 'thread:none', 'Lært', null)).toThrow();
    expect(learningsOf(doc).size).toBe(0);
  });

  it('are removed one by one, or with their thread and its links', () => {
    const doc = new Y.Doc();
    const id = startThread(doc, citizen, { title: 'Havnen', noteIds: ['shape:a'] });
    const other = startThread(doc, citizen, { title: 'Andet', noteIds: ['shape:a'] });
    const first = addLearning(doc, citizen, id, 'En', null, 1);
    addLearning(doc, citizen, id, 'To', null, 2);
    addLearning(doc, citizen, other, 'Tre', null, 3);
    removeLearning(doc, first);
    expect(threadOf(doc, id)!.learnings.map((learning) => learning.text)).toEqual(['To']);
    removeThread(doc, id);
    expect(threadOf(doc, id)).toBeUndefined();
    expect(threadIdsOfNote(doc, 'shape:a')).toEqual([other]);
    expect([...learningsOf(doc).values()].length).toBe(1);
    expect(threadNotesOf(doc).size).toBe(1);
  });
});

describe('order keys', () => {
  it('accepts tldraw’s keys and refuses what its functions would throw on', () => {
    for (const key of ['a1', 'a0', 'a1V', 'b10', 'Zz', ...orderKeysAfter(null, 5)]) expect(isOrderKey(key)).toBe(true);
    for (const key of ['', 'a', 'zzz', 'a10', 'a1V0', 'b1', 'a1 ', 7, null]) expect(isOrderKey(key)).toBe(false);
    expect(isOrderKey('a1VVV', 4)).toBe(false);
  });

  it('a move gives one key when there is room, and numbers the list afresh when there is none', () => {
    expect([...ordersForMove(['a1', 'a2', 'a3'], 0, 1).keys()]).toEqual([0]);
    const fresh = ordersForMove(['a1', 'a2', 'a2'], 0, 1);
    expect(fresh.size).toBe(3);
    const sorted = [...fresh.entries()].sort((x, y) => (x[1] < y[1] ? -1 : 1)).map(([index]) => index);
    expect(sorted).toEqual([1, 0, 2]);
    expect(ordersForMove(['a1', 'b1', 'a3'], 2, 1).size).toBe(3);
  });
});
