import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addGathering, setCurrentGathering } from '../../shared/domain/gatherings';
import { ballotOf, ballotRefusal, closeVote, dotsLeft, giveDots, openVote, tallyVote, voteOf, type CountedBallot, type Vote } from '../../shared/domain/votes';
import { ballotKey, ballotsMapOf, type BallotEntry } from '../../shared/privateSchema';
import { workshop } from './voicesFixtures';

const NOTES = ['shape:a', 'shape:b', 'shape:c'];

function withVote(budget = 3, several = true) {
  const w = workshop();
  const voteId = openVote(w.doc, { title: 'Hvad er vigtigst?', noteIds: NOTES, budget, several, stepId: w.step.id }, 1000);
  return { ...w, voteId, vote: voteOf(w.doc, voteId) as Vote, privateDoc: new Y.Doc() };
}

describe('giving dots (the ballot rules the server and the browser share)', () => {
  it('dots go into the private document, up to the budget, and may be taken back while the vote is open', () => {
    const { doc, voteId, vote, privateDoc } = withVote(3);
    expect(giveDots(privateDoc, doc, voteId, 'shape:a', 2)).toBeNull();
    expect(giveDots(privateDoc, doc, voteId, 'shape:b', 1)).toBeNull();
    expect(dotsLeft(privateDoc, vote)).toBe(0);
    expect(giveDots(privateDoc, doc, voteId, 'shape:c', 1)).toBe('over-budget');
    expect(giveDots(privateDoc, doc, voteId, 'shape:a', 3)).toBe('over-budget');
    expect(giveDots(privateDoc, doc, voteId, 'shape:a', 0)).toBeNull();
    expect(giveDots(privateDoc, doc, voteId, 'shape:c', 2)).toBeNull();
    expect(ballotOf(privateDoc, voteId).map((entry) => [entry.noteId, entry.dots]).sort()).toEqual([['shape:b', 1], ['shape:c', 2]]);
    expect(doc.getMap('ballots').size).toBe(0);
  });

  it('one dot per note unless several may go on one', () => {
    const { doc, voteId, privateDoc } = withVote(3, false);
    expect(giveDots(privateDoc, doc, voteId, 'shape:a', 2)).toBe('one-dot-per-note');
    expect(giveDots(privateDoc, doc, voteId, 'shape:a', 1)).toBeNull();
  });

  it('nothing given or taken back once the vote is closed', () => {
    const { doc, voteId, privateDoc } = withVote();
    expect(giveDots(privateDoc, doc, voteId, 'shape:a', 1)).toBeNull();
    closeVote(doc, voteId);
    expect(giveDots(privateDoc, doc, voteId, 'shape:b', 1)).toBe('vote-not-open');
    expect(giveDots(privateDoc, doc, voteId, 'shape:a', 0)).toBe('vote-not-open');
    expect(ballotOf(privateDoc, voteId)).toHaveLength(1);
  });

  it('no dots on a note outside the vote, in a vote that is not there, or claiming another place', () => {
    const { doc, gathering, voteId, privateDoc } = withVote();
    expect(giveDots(privateDoc, doc, voteId, 'shape:elsewhere', 1)).toBe('note-not-in-vote');
    expect(giveDots(privateDoc, doc, 'vote:none', 'shape:a', 1)).toBe('unknown-vote');
    const elsewhere: BallotEntry = { voteId, noteId: 'shape:a', dots: 1, gatheringId: 'gathering:other' };
    expect(ballotRefusal(doc, privateDoc, ballotKey(voteId, 'shape:a'), elsewhere)).toBe('wrong-place');
    expect(ballotRefusal(doc, privateDoc, ballotKey(voteId, 'shape:a'), { ...elsewhere, gatheringId: gathering.id })).toBeNull();
  });

  it('refuses what is not a ballot entry of its own key', () => {
    const { doc, gathering, voteId, privateDoc } = withVote();
    const entry: BallotEntry = { voteId, noteId: 'shape:a', dots: 1, gatheringId: gathering.id };
    expect(ballotRefusal(doc, privateDoc, ballotKey(voteId, 'shape:b'), entry)).toBe('invalid-ballot');
    expect(ballotRefusal(doc, privateDoc, ballotKey(voteId, 'shape:a'), { ...entry, dots: 0 })).toBe('invalid-ballot');
    expect(ballotRefusal(doc, privateDoc, ballotKey(voteId, 'shape:a'), { ...entry, dots: 1.5 })).toBe('invalid-ballot');
    expect(ballotRefusal(doc, privateDoc, ballotKey(voteId, 'shape:a'), 'one dot')).toBe('invalid-ballot');
    expect(ballotRefusal(doc, privateDoc, 'no-slash', null)).toBe('invalid-ballot');
  });

  it('counts the budget over every note of the vote, not the other votes', () => {
    const { doc, gathering, voteId, privateDoc } = withVote(2);
    const other = openVote(doc, { title: 'Anden', noteIds: NOTES, budget: 2, several: true }, 2000);
    ballotsMapOf(privateDoc).set(ballotKey(other, 'shape:a'), { voteId: other, noteId: 'shape:a', dots: 2, gatheringId: gathering.id });
    expect(giveDots(privateDoc, doc, voteId, 'shape:a', 2)).toBeNull();
    expect(giveDots(privateDoc, doc, voteId, 'shape:b', 1)).toBe('over-budget');
  });
});

describe('the tally', () => {
  const entry = (voteId: string, noteId: string, dots: number, gatheringId: string | null): BallotEntry => ({ voteId, noteId, dots, gatheringId });

  it('counts per note, per stakeholder group side by side, and per place; most dots first', () => {
    const { vote, voteId } = withVote(3);
    const ballots: CountedBallot[] = [
      { group: 'citizen', entries: [entry(voteId, 'shape:b', 2, 'nuuk'), entry(voteId, 'shape:c', 1, 'nuuk')] },
      { group: 'citizen', entries: [entry(voteId, 'shape:b', 3, 'sisimiut')] },
      { group: 'politician', entries: [entry(voteId, 'shape:c', 3, 'nuuk')] },
      { group: 'employee', entries: [] },
      { group: null, entries: [entry(voteId, 'shape:a', 1, null)] },
    ];
    const tally = tallyVote(vote, ballots, 5000);
    expect(tally).toEqual({
      notes: [
        { noteId: 'shape:b', total: 5, byGroup: { citizen: 5 }, byPlace: { nuuk: 2, sisimiut: 3 } },
        { noteId: 'shape:c', total: 4, byGroup: { citizen: 1, politician: 3 }, byPlace: { nuuk: 4 } },
        { noteId: 'shape:a', total: 1, byGroup: {}, byPlace: { '': 1 } },
      ],
      voters: 4,
      votersByGroup: { citizen: 2, politician: 1 },
      revealedAt: 5000,
    });
  });

  it('lists notes without dots too, ties in the vote’s order', () => {
    const { vote } = withVote(3);
    expect(tallyVote(vote, [], 1).notes.map((note) => [note.noteId, note.total])).toEqual([['shape:a', 0], ['shape:b', 0], ['shape:c', 0]]);
  });

  it('does not count what could not pass the gate: other votes, foreign notes, dots past the budget, several where one is allowed', () => {
    const { vote, voteId } = withVote(2, false);
    const tally = tallyVote(
      vote,
      [
        {
          group: 'citizen',
          entries: [
            entry('vote:other', 'shape:a', 1, null),
            entry(voteId, 'shape:elsewhere', 1, null),
            entry(voteId, 'shape:c', 1, null),
            entry(voteId, 'shape:a', 3, null),
            entry(voteId, 'shape:b', 1, null),
            entry(voteId, 'shape:b', 0, null),
          ],
        },
      ],
      1,
    );
    expect(tally.notes.map((note) => [note.noteId, note.total])).toEqual([['shape:a', 1], ['shape:b', 1], ['shape:c', 0]]);
    expect(tally.voters).toBe(1);
  });

  it('takes each voter’s place from where the dots were given', () => {
    const { doc, gathering, voteId, privateDoc } = withVote(3);
    expect(giveDots(privateDoc, doc, voteId, 'shape:a', 1)).toBeNull();
    const second = addGathering(doc, { title: 'Sisimiut' });
    setCurrentGathering(doc, second.id);
    expect(giveDots(privateDoc, doc, voteId, 'shape:b', 1)).toBeNull();
    const tally = tallyVote(voteOf(doc, voteId) as Vote, [{ group: 'citizen', entries: ballotOf(privateDoc, voteId) }], 1);
    expect(tally.notes.find((note) => note.noteId === 'shape:a')?.byPlace).toEqual({ [gathering.id]: 1 });
    expect(tally.notes.find((note) => note.noteId === 'shape:b')?.byPlace).toEqual({ [second.id]: 1 });
  });
});
