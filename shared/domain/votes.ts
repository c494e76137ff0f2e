import * as Y from 'yjs';
import { liveOf, votesMapOf } from '../schema';
import { ballotKey, ballotsMapOf, type BallotEntry } from '../privateSchema';
import type { Group } from './groups';
import { currentGatheringId } from './gatherings';
import { newId } from './ids';

/**
 * Dot votes. The facilitator opens a vote on a set of notes (a step's, or a thread's) with a
 * budget of dots per person; each person's dots live in their private document (ballots),
 * never in the shared one; at reveal the server counts every private document and writes
 * only the tally (per note, per stakeholder group, per place) into the shared document.
 */

export type VoteState = 'open' | 'closed' | 'revealed';

export interface Vote {
  id: string;
  title: string;
  /** The step whose notes are voted on, or null. */
  stepId: string | null;
  /** The thread whose notes are voted on, or null. */
  threadId: string | null;
  /** The notes one may give dots to, fixed when the vote opens. */
  noteIds: string[];
  /** Dots per person. */
  budget: number;
  /** May several of one person's dots go on one note? */
  several: boolean;
  state: VoteState;
  /** Server-agnostic time the vote opened (ms since 1970). */
  openedAt: number;
  /** The gathering live when it opened, or null. */
  gatheringId: string | null;
  /** Written by the server at reveal; null before. */
  tally: VoteTally | null;
}

/** One note's dots at reveal. */
export interface NoteTally {
  noteId: string;
  total: number;
  /** Dots by the voters' stakeholder group. */
  byGroup: Partial<Record<Group, number>>;
  /** Dots by the gathering (place) where they were given; key '' when none was live. */
  byPlace: Record<string, number>;
}

/** What a reveal shows: never who gave which dot. */
export interface VoteTally {
  /** Every note of the vote (those without dots too), sorted by total, most dots first (ties in the vote's note order). */
  notes: NoteTally[];
  /** People who gave at least one dot. */
  voters: number;
  /** Voters by group. */
  votersByGroup: Partial<Record<Group, number>>;
  /** When the tally was written (server ms). */
  revealedAt: number;
}

/** What the facilitator gives a new vote. */
export interface VoteFacts {
  title: string;
  noteIds: string[];
  budget: number;
  several: boolean;
  stepId?: string | null;
  threadId?: string | null;
}

export const MIN_VOTE_BUDGET = 1;
export const MAX_VOTE_BUDGET = 20;
/** Most notes one vote may hold. */
export const MAX_VOTE_NOTES = 500;
export const MAX_VOTE_TITLE_CHARS = 200;

/** Every vote, oldest first. */
export function votesOf(doc: Y.Doc): Vote[] {
  const votes: Vote[] = [];
  votesMapOf(doc).forEach((map, id) => {
    const vote = map instanceof Y.Map ? readVote(id, map) : null;
    if (vote) votes.push(vote);
  });
  return votes.sort((a, b) => a.openedAt - b.openedAt || a.id.localeCompare(b.id));
}

/** One vote, or null. */
export function voteOf(doc: Y.Doc, id: string): Vote | null {
  const map = votesMapOf(doc).get(id);
  return map instanceof Y.Map ? readVote(id, map) : null;
}

/** The vote the facilitator shows the room (`live.voteId`), or null. */
export function shownVote(doc: Y.Doc): Vote | null {
  const id = liveOf(doc).get('voteId');
  return typeof id === 'string' ? voteOf(doc, id) : null;
}

/** Opens a vote (the facilitator) and shows it to the room; returns its id. */
export function openVote(doc: Y.Doc, facts: VoteFacts, now: number): string {
  const id = newId('vote');
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    votesMapOf(doc).set(id, map);
    map.set('title', facts.title.trim().slice(0, MAX_VOTE_TITLE_CHARS));
    map.set('stepId', facts.stepId ?? null);
    map.set('threadId', facts.threadId ?? null);
    map.set('noteIds', [...new Set(facts.noteIds)].slice(0, MAX_VOTE_NOTES));
    map.set('budget', Math.min(MAX_VOTE_BUDGET, Math.max(MIN_VOTE_BUDGET, Math.round(facts.budget))));
    map.set('several', facts.several);
    map.set('state', 'open');
    map.set('openedAt', now);
    map.set('gatheringId', currentGatheringId(doc));
    liveOf(doc).set('voteId', id);
  });
  return id;
}

/** Closes an open vote: no more dots may be given or taken back. */
export function closeVote(doc: Y.Doc, id: string): void {
  const map = votesMapOf(doc).get(id);
  if (map instanceof Y.Map && map.get('state') === 'open') map.set('state', 'closed');
}

/** Shows a vote to the room (its ballot on phones, its result once revealed), or none. */
export function showVote(doc: Y.Doc, id: string | null): void {
  if (id === null) liveOf(doc).delete('voteId');
  else liveOf(doc).set('voteId', id);
}

/** This person's entries in one vote (from their private document). */
export function ballotOf(privateDoc: Y.Doc, voteId: string): BallotEntry[] {
  const entries: BallotEntry[] = [];
  ballotsMapOf(privateDoc).forEach((value, key) => {
    if (!key.startsWith(`${voteId}/`) || !isBallotEntry(value) || value.voteId !== voteId) return;
    entries.push(value);
  });
  return entries;
}

/** Dots this person has left in a vote. */
export function dotsLeft(privateDoc: Y.Doc, vote: Vote): number {
  return vote.budget - ballotOf(privateDoc, vote.id).reduce((sum, entry) => sum + entry.dots, 0);
}

/**
 * Sets this person's dots on one note (0 takes them back), after the same checks the server
 * makes (see ballotRefusal); returns the refusal instead of writing when there is one.
 */
export function giveDots(privateDoc: Y.Doc, shared: Y.Doc, voteId: string, noteId: string, dots: number): BallotRefusal | null {
  const entry: BallotEntry = { voteId, noteId, dots, gatheringId: currentGatheringId(shared) };
  const refusal = ballotRefusal(shared, privateDoc, ballotKey(voteId, noteId), dots === 0 ? null : entry);
  if (refusal) return refusal;
  if (dots === 0) ballotsMapOf(privateDoc).delete(ballotKey(voteId, noteId));
  else ballotsMapOf(privateDoc).set(ballotKey(voteId, noteId), entry);
  return null;
}

/** Why a ballot entry may not be written (see ballotRefusal). */
export type BallotRefusal = 'invalid-ballot' | 'unknown-vote' | 'vote-not-open' | 'note-not-in-vote' | 'over-budget' | 'one-dot-per-note' | 'wrong-place';

/**
 * May `privateDoc`'s owner set the entry at `key` to `entry` (null: remove it)? The vote must
 * exist and be open, the note be in it, the dots a whole number within the budget (summed
 * over the person's other notes of the vote), at most one per note unless several are
 * allowed, and the place the gathering live now. The server runs this on every change to a
 * private document's ballots; the browser runs it before giving a dot.
 */
export function ballotRefusal(shared: Y.Doc, privateDoc: Y.Doc, key: string, entry: unknown): BallotRefusal | null {
  const after = new Map<string, unknown>(ballotsMapOf(privateDoc).entries());
  if (entry === null) after.delete(key);
  else after.set(key, entry);
  return ballotChangeRefusal(shared, after, key, entry);
}

/**
 * The rule of {@link ballotRefusal} for one changed key, with every entry of the person's
 * ballots as the change leaves them (`after`), so that an update moving a dot from one note
 * to another in one go is judged on where the dots end up.
 */
export function ballotChangeRefusal(shared: Y.Doc, after: ReadonlyMap<string, unknown>, key: string, entry: unknown): BallotRefusal | null {
  const slash = key.indexOf('/');
  if (slash <= 0) return 'invalid-ballot';
  const vote = voteOf(shared, key.slice(0, slash));
  if (entry === null) {
    // Taking dots back: only while the vote is open, so a closed vote's count stays as it was.
    if (!vote) return 'unknown-vote';
    return vote.state === 'open' ? null : 'vote-not-open';
  }
  if (!isBallotEntry(entry) || key !== ballotKey(entry.voteId, entry.noteId)) return 'invalid-ballot';
  if (!Number.isInteger(entry.dots) || entry.dots < 1) return 'invalid-ballot';
  if (!vote) return 'unknown-vote';
  if (vote.state !== 'open') return 'vote-not-open';
  if (!vote.noteIds.includes(entry.noteId)) return 'note-not-in-vote';
  if (!vote.several && entry.dots > 1) return 'one-dot-per-note';
  let given = 0;
  for (const [otherKey, other] of after) {
    if (otherKey.startsWith(`${vote.id}/`) && isBallotEntry(other) && other.voteId === vote.id) given += other.dots;
  }
  if (given > vote.budget) return 'over-budget';
  if (entry.gatheringId !== currentGatheringId(shared)) return 'wrong-place';
  return null;
}

/** One voter's ballot as the server reads it at reveal. */
export interface CountedBallot {
  group: Group | null;
  entries: BallotEntry[];
}

/**
 * The tally of a vote from every voter's ballot: entries outside the vote or past the budget
 * are not counted (they cannot pass the gate, but a tally never trusts what it reads), and
 * where only one dot may go on a note, a note gets one at most. A voter's entries are
 * counted in the vote's note order, so which ones fall past the budget does not depend on
 * the order the server read them in.
 */
export function tallyVote(vote: Vote, ballots: readonly CountedBallot[], revealedAt: number): VoteTally {
  const order = new Map(vote.noteIds.map((noteId, index) => [noteId, index]));
  const notes = new Map<string, NoteTally>(vote.noteIds.map((noteId) => [noteId, { noteId, total: 0, byGroup: {}, byPlace: {} }]));
  let voters = 0;
  const votersByGroup: Partial<Record<Group, number>> = {};
  for (const ballot of ballots) {
    const entries = ballot.entries
      .filter((entry) => isBallotEntry(entry) && entry.voteId === vote.id && order.has(entry.noteId) && Number.isInteger(entry.dots) && entry.dots >= 1)
      .sort((a, b) => (order.get(a.noteId) ?? 0) - (order.get(b.noteId) ?? 0));
    const counted = new Set<string>();
    let spent = 0;
    for (const entry of entries) {
      // One entry per note; more than one dot only where several may go on one note.
      const dots = vote.several ? entry.dots : 1;
      if (counted.has(entry.noteId) || spent + dots > vote.budget) continue;
      counted.add(entry.noteId);
      spent += dots;
      const note = notes.get(entry.noteId) as NoteTally;
      note.total += dots;
      if (ballot.group) note.byGroup[ballot.group] = (note.byGroup[ballot.group] ?? 0) + dots;
      const place = entry.gatheringId ?? '';
      note.byPlace[place] = (note.byPlace[place] ?? 0) + dots;
    }
    if (spent === 0) continue;
    voters++;
    if (ballot.group) votersByGroup[ballot.group] = (votersByGroup[ballot.group] ?? 0) + 1;
  }
  const sorted = [...notes.values()].sort((a, b) => b.total - a.total || (order.get(a.noteId) ?? 0) - (order.get(b.noteId) ?? 0));
  return { notes: sorted, voters, votersByGroup, revealedAt };
}

/** The server's side of a reveal: writes the tally and marks the vote revealed. */
export function writeTally(doc: Y.Doc, voteId: string, tally: VoteTally): void {
  const map = votesMapOf(doc).get(voteId);
  if (!(map instanceof Y.Map)) return;
  doc.transact(() => {
    map.set('tally', tally);
    map.set('state', 'revealed');
  });
}

export function isBallotEntry(value: unknown): value is BallotEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.voteId === 'string' &&
    typeof entry.noteId === 'string' &&
    typeof entry.dots === 'number' &&
    (entry.gatheringId === null || typeof entry.gatheringId === 'string')
  );
}

function readVote(id: string, map: Y.Map<unknown>): Vote | null {
  const title = map.get('title');
  const noteIds = map.get('noteIds');
  const budget = map.get('budget');
  const state = map.get('state');
  if (typeof title !== 'string' || !Array.isArray(noteIds) || typeof budget !== 'number') return null;
  if (state !== 'open' && state !== 'closed' && state !== 'revealed') return null;
  const text = (name: string): string | null => {
    const value = map.get(name);
    return typeof value === 'string' ? value : null;
  };
  const openedAt = map.get('openedAt');
  const tally = map.get('tally');
  return {
    id,
    title,
    stepId: text('stepId'),
    threadId: text('threadId'),
    noteIds: noteIds.filter((noteId): noteId is string => typeof noteId === 'string'),
    budget,
    several: map.get('several') === true,
    state,
    openedAt: typeof openedAt === 'number' ? openedAt : 0,
    gatheringId: text('gatheringId'),
    tally: typeof tally === 'object' && tally !== null ? (tally as VoteTally) : null,
  };
}
