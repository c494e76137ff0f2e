import type * as Y from 'yjs';
import { ballotsMapOf, draftsMapOf, isPrivateTopLevel, PRIVATE_TOP_LEVEL } from '../privateSchema';
import type { Change } from '../validate/changes';
import type { Refusal } from './authorize';
import { isDraft, MAX_DRAFT_CHARS, MAX_DRAFTS } from './drafts';
import type { Identity } from './identity';
import { MAX_RUN_ID_CHARS } from './runRules';
import { stepOf } from './steps';
import { ballotChangeRefusal } from './votes';

/**
 * The gate of a participant's private document: what its owner may write there (drafts in
 * a private step, dots in an open vote), judged against the shared document as it stands.
 * Only the owner's own sockets reach it (the server routes by token), so the rules are about
 * what is written, not by whom; the facilitator and the projector have no private document.
 */

/** Why a draft may not be written (for logs and tests; never content). */
export type DraftRefusal = 'invalid-draft' | 'step-not-private' | 'step-revealed' | 'too-many-drafts' | 'private-step';

/** Longest key of a draft (an id the browser makes). */
const MAX_DRAFT_KEY_CHARS = MAX_RUN_ID_CHARS;

/**
 * May `sender` make these changes (read from an update by changesOf) to their private
 * document `privateDoc`, with the workshop's document `shared` as it is now?
 *
 * - Only the top-level names of shared/privateSchema.ts, each holding one JSON value per key.
 * - `drafts`: a {@link Draft} of a step that exists, is private and not yet revealed, its text at
 *   most MAX_DRAFT_CHARS, and at most MAX_DRAFTS drafts in all; deleting a draft is always
 *   allowed (one's own words are one's own to take back).
 * - `ballots`: every changed entry passes the ballot rules (votes.ts), judged on the ballot as
 *   the whole update leaves it; taking dots back only while the vote is open.
 * - The facilitator and the projector write nothing here.
 *
 * @returns null when every change is allowed, else the first refusal.
 */
export function authorizePrivate(sender: Identity, changes: readonly Change[], privateDoc: Y.Doc, shared: Y.Doc): Refusal | null {
  if (changes.length === 0) return null;
  if (sender.role === 'projector') return { reason: 'read-only', top: changes[0].top, key: null };
  if (sender.role !== 'participant') return { reason: 'not-yours', top: changes[0].top, key: null };
  const drafts: Change[] = [];
  const ballots: Change[] = [];
  for (const change of changes) {
    if (!isPrivateTopLevel(change.top)) return { reason: 'unknown-type', top: change.top, key: change.key };
    const invalid = change.top === PRIVATE_TOP_LEVEL.drafts ? 'invalid-draft' : 'invalid-ballot';
    // One JSON value per key: nothing nested, no list, no shared type.
    if (change.key === null || change.field !== null || change.nested) return { reason: invalid, top: change.top, key: null };
    if (change.kind !== 'delete' && change.content !== 'json') return { reason: invalid, top: change.top, key: change.key };
    (change.top === PRIVATE_TOP_LEVEL.drafts ? drafts : ballots).push(change);
  }
  return draftsRefusal(drafts, privateDoc, shared) ?? ballotsRefusal(ballots, privateDoc, shared);
}

function draftsRefusal(changes: readonly Change[], privateDoc: Y.Doc, shared: Y.Doc): Refusal | null {
  const keys = new Set(draftsMapOf(privateDoc).keys());
  for (const change of changes) {
    const key = change.key as string;
    const refusal = (reason: DraftRefusal): Refusal => ({ reason, top: change.top, key });
    if (change.kind === 'delete') {
      keys.delete(key);
      continue;
    }
    const draft = change.value;
    if (key.length > MAX_DRAFT_KEY_CHARS || !isDraft(draft) || draft.text.length > MAX_DRAFT_CHARS || !Number.isFinite(draft.createdAt)) {
      return refusal('invalid-draft');
    }
    const step = stepOf(shared, draft.stepId);
    if (!step || !step.private) return refusal('step-not-private');
    if (step.revealedAt !== null) return refusal('step-revealed');
    keys.add(key);
  }
  if (keys.size > MAX_DRAFTS && changes.some((change) => change.kind === 'create')) {
    return { reason: 'too-many-drafts', top: PRIVATE_TOP_LEVEL.drafts, key: null };
  }
  return null;
}

function ballotsRefusal(changes: readonly Change[], privateDoc: Y.Doc, shared: Y.Doc): Refusal | null {
  if (changes.length === 0) return null;
  const after = new Map<string, unknown>(ballotsMapOf(privateDoc).entries());
  for (const change of changes) {
    if (change.kind === 'delete') after.delete(change.key as string);
    else after.set(change.key as string, change.value);
  }
  for (const change of changes) {
    const key = change.key as string;
    const reason = ballotChangeRefusal(shared, after, key, change.kind === 'delete' ? null : change.value);
    if (reason) return { reason, top: change.top, key };
  }
  return null;
}
