import type * as Y from 'yjs';

/**
 * The only file that names the top-level types of a participant's private document: one per
 * participant per workshop, stored and synced like the shared one, but sent to that
 * participant alone (and read by the server). What must stay private until a reveal lives
 * here and nowhere else: drafts written in a private step, and ballots of dot votes.
 */
export const PRIVATE_TOP_LEVEL = {
  /** Notes written in a private step, not yet revealed: draft id → {@link Draft} (JSON value). */
  drafts: 'drafts',
  /** Dots given in votes: `voteId/noteId` → {@link BallotEntry} (JSON value). */
  ballots: 'ballots',
} as const;

export type PrivateTopLevelName = (typeof PRIVATE_TOP_LEVEL)[keyof typeof PRIVATE_TOP_LEVEL];

/** Is `name` a top-level name of a private document? */
export function isPrivateTopLevel(name: string): name is PrivateTopLevelName {
  return name === PRIVATE_TOP_LEVEL.drafts || name === PRIVATE_TOP_LEVEL.ballots;
}

/** A note written during a private step; only its writer and the server see it until the reveal. */
export interface Draft {
  /** The private step it was written in. */
  stepId: string;
  /** Plain text, at most MAX_DRAFT_CHARS (shared/domain/drafts.ts). */
  text: string;
  /** Milliseconds since 1970, as the writer's device had it. */
  createdAt: number;
}

/** The dots one person gives one note in one vote. */
export interface BallotEntry {
  voteId: string;
  noteId: string;
  /** At least 1 (a note with no dots has no entry); at most the vote's budget, or 1 unless several may go on one note. */
  dots: number;
  /** The gathering live when the dots were given (the voter's place), or null when there is none. */
  gatheringId: string | null;
}

/** Drafts by id. */
export function draftsMapOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(PRIVATE_TOP_LEVEL.drafts);
}

/** Ballot entries by `voteId/noteId`. */
export function ballotsMapOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(PRIVATE_TOP_LEVEL.ballots);
}

/** The key of one note's entry in one vote. */
export function ballotKey(voteId: string, noteId: string): string {
  return `${voteId}/${noteId}`;
}
