import * as Y from 'yjs';
import { TOP_LEVEL, votesMapOf } from '../schema';
import type { Change } from '../validate/changes';
import type { RefusalOf } from './refusal';
import { MAX_RUN_ID_CHARS } from './runRules';
import { MAX_VOTE_BUDGET, MAX_VOTE_NOTES, MAX_VOTE_TITLE_CHARS, MIN_VOTE_BUDGET } from './votes';

/**
 * The gate's rules for dot votes in the shared document (`votes`). They are the
 * facilitator's (schema.ts); these rules check the values, and keep for the server what is
 * the server's: the tally, and the state 'revealed', written at reveal through room.change,
 * which is not gated. A facilitator's client therefore cannot show a made-up result.
 */

/** Why a change of a vote was refused (for logs and tests; never content). */
export type VoteRefusal = 'invalid-vote' | 'server-only';

/** Fields without which a vote is none (votes.ts reads nothing else without them). */
const REQUIRED_VOTE_FIELDS = ['title', 'noteIds', 'budget', 'state'] as const;

function isVoteId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_RUN_ID_CHARS;
}

/** Why a value is not acceptable for a vote's field written by the facilitator, or null when it is. */
export function voteFieldProblem(field: string, value: unknown): string | null {
  switch (field) {
    case 'title':
      return typeof value === 'string' && value.length <= MAX_VOTE_TITLE_CHARS ? null : 'title';
    case 'stepId':
    case 'threadId':
    case 'gatheringId':
      return value === null || isVoteId(value) ? null : field;
    case 'noteIds':
      return Array.isArray(value) && value.length <= MAX_VOTE_NOTES && value.every(isVoteId) ? null : 'noteIds';
    case 'budget':
      return typeof value === 'number' && Number.isInteger(value) && value >= MIN_VOTE_BUDGET && value <= MAX_VOTE_BUDGET ? null : 'budget';
    case 'several':
      return typeof value === 'boolean' ? null : 'several';
    case 'state':
      return value === 'open' || value === 'closed' ? null : 'state';
    case 'openedAt':
      return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? null : 'openedAt';
    default:
      // The name is the sender's own text: not repeated in logs.
      return 'unknown field';
  }
}

function refusal(reason: VoteRefusal, change: Change, detail?: string): RefusalOf<VoteRefusal> {
  return detail === undefined ? { reason, top: change.top, key: change.key } : { reason, top: change.top, key: change.key, detail };
}

/**
 * `votes`: a vote is a map of the fields votes.ts writes, each a valid value; a new vote
 * carries at least its title, notes, budget and state. The tally is the server's, and so is
 * the state 'revealed': nobody else writes it, nor moves a revealed vote back.
 */
export function votesRefusal(changes: readonly Change[], doc: Y.Doc): RefusalOf<VoteRefusal> | null {
  const created = new Set<string>();
  const removed = new Set<string>();
  for (const change of changes) {
    if (change.key === null || change.field !== null) continue;
    if (change.kind === 'delete') removed.add(change.key);
    else if (change.content === 'type') created.add(change.key);
  }
  const written = new Map<string, Set<string>>();
  for (const change of changes) {
    if (change.key === null || change.nested) return refusal('invalid-vote', change, 'a vote is a map of fields');
    if (change.field === null) {
      if (change.kind !== 'delete' && change.content !== 'type') return refusal('invalid-vote', change, 'a vote is a map of fields');
      continue;
    }
    if (change.field === 'tally') return refusal('server-only', change, 'tally');
    if (change.kind === 'delete') {
      // Fields of a vote removed with it are part of the removal; a vote otherwise keeps its fields.
      if (removed.has(change.key)) continue;
      return refusal('invalid-vote', change, 'a vote keeps its fields');
    }
    if (change.content !== 'json') return refusal('invalid-vote', change, 'vote fields hold JSON values');
    if (change.field === 'state' && change.value === 'revealed') return refusal('server-only', change, 'state');
    const problem = voteFieldProblem(change.field, change.value);
    if (problem) return refusal('invalid-vote', change, problem);
    if (change.field === 'state' && !created.has(change.key) && storedState(doc, change.key) === 'revealed') {
      return refusal('server-only', change, 'state');
    }
    let fields = written.get(change.key);
    if (!fields) written.set(change.key, (fields = new Set()));
    fields.add(change.field);
  }
  for (const key of created) {
    const fields = written.get(key) ?? new Set<string>();
    const missing = REQUIRED_VOTE_FIELDS.find((field) => !fields.has(field));
    if (missing) return { reason: 'invalid-vote', top: TOP_LEVEL.votes, key, detail: `missing ${missing}` };
  }
  return null;
}

function storedState(doc: Y.Doc, voteId: string): unknown {
  const map = votesMapOf(doc).get(voteId);
  return map instanceof Y.Map ? map.get('state') : undefined;
}
