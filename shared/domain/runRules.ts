import type * as Y from 'yjs';
import { gatheringsMapOf, TOP_LEVEL } from '../schema';
import type { Change } from '../validate/changes';
import type { RefusalOf } from './refusal';
import { isOrderKey } from './ids';
import { summonsProblem } from './live';
import { everHeld } from './processRules';
import { MAX_STEP_ORDER_CHARS, stepFactsProblem } from './steps';
import { timerProblem } from './timer';

/**
 * The gate's rules for running a workshop: the agenda (`steps`) and what everyone follows
 * (`live`). Both are the facilitator's alone (schema.ts); these rules check the values, for
 * the facilitator too, so that a broken or stale client cannot leave something there that
 * every screen in the room then has to read.
 */

/** Why a change of the agenda or of `live` was refused (for logs and tests; never content). */
export type RunRefusal = 'invalid-step' | 'unknown-gathering' | 'invalid-live';

/** Every field a step may have (steps.ts writes them all). */
export const STEP_FIELDS = ['gatheringId', 'title', 'prompt', 'durationSec', 'order', 'frameId', 'private', 'revealedAt'] as const;
/** Fields without which a step is none (steps.ts reads nothing else without them). */
const REQUIRED_STEP_FIELDS = ['gatheringId', 'title'] as const;
/** Longest id a step or `live` may name (a gathering, a frame, a step, a thread). */
export const MAX_RUN_ID_CHARS = 256;

/** Every key `live` may hold, with its check. Add a key here when a view starts writing one. */
const LIVE_VALUES: Readonly<Record<string, (value: unknown) => boolean>> = {
  /** The current gathering (gatherings.ts). */
  gatheringId: isRunId,
  /** The current step (steps.ts). */
  stepId: isRunId,
  /** The shared timer (timer.ts). */
  timer: (value) => timerProblem(value) === null,
  /** The last "bring everyone here" (live.ts). */
  bringHere: (value) => summonsProblem(value) === null,
  /** Whether the projector shows the join code (live.ts). */
  showJoin: (value) => typeof value === 'boolean',
  /** The view the facilitator shows the room (client/workshop/roomView.ts). */
  view: (value) => value === 'board' || value === 'weave' || value === 'narrative',
  /** The thread the facilitator shows the room, or none (client/canvas/roomHighlight.ts). */
  highlightThreadId: (value) => value === null || isRunId(value),
  /** The vote shown to the room, or none (votes.ts). */
  voteId: (value) => value === null || isRunId(value),
};

/** The keys `live` may hold. */
export const LIVE_KEYS: readonly string[] = Object.keys(LIVE_VALUES);

function isRunId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_RUN_ID_CHARS;
}

function refusal(reason: RunRefusal, change: Change, detail?: string): RefusalOf<RunRefusal> {
  return detail === undefined ? { reason, top: change.top, key: change.key } : { reason, top: change.top, key: change.key, detail };
}

/** Why a value is not acceptable for a step's field, or null when it is (the gathering is checked apart). */
export function stepFieldProblem(field: string, value: unknown): string | null {
  switch (field) {
    case 'gatheringId':
      return isRunId(value) ? null : 'gatheringId';
    case 'title':
      return typeof value === 'string' && stepFactsProblem({ title: value }) === null ? null : 'title';
    case 'prompt':
      return typeof value === 'string' && stepFactsProblem({ prompt: value }) === null ? null : 'prompt';
    case 'durationSec':
      return typeof value === 'number' && stepFactsProblem({ durationSec: value }) === null ? null : 'durationSec';
    case 'order':
      return isOrderKey(value, MAX_STEP_ORDER_CHARS) ? null : 'order';
    case 'frameId':
      return value === null || isRunId(value) ? null : 'frameId';
    case 'private':
      return typeof value === 'boolean' ? null : 'private';
    case 'revealedAt':
      // The server's, written at reveal through room.change (not gated): nobody else sets it,
      // so that a private step cannot be passed off as revealed while its drafts are still private.
      return 'revealedAt';
    default:
      // The name is the sender's own text: not repeated in logs.
      return 'unknown field';
  }
}

/**
 * `steps`: a step is a map of the fields steps.ts writes, each a valid value, naming a
 * gathering the document knows (or the same update adds); a new step carries at least its
 * gathering and title. Nothing else is kept there.
 */
export function stepsRefusal(changes: readonly Change[], doc: Y.Doc, addedGatherings: ReadonlySet<string>): RefusalOf<RunRefusal> | null {
  const created = new Set<string>();
  const removed = new Set<string>();
  for (const change of changes) {
    if (change.key !== null && change.field === null && change.kind !== 'delete' && change.content === 'type') created.add(change.key);
    if (change.key !== null && change.field === null && change.kind === 'delete') removed.add(change.key);
  }
  const written = new Map<string, Set<string>>();
  for (const change of changes) {
    if (change.key === null || change.nested) return refusal('invalid-step', change, 'a step is a map of fields');
    if (change.field === null) {
      if (change.kind !== 'delete' && change.content !== 'type') return refusal('invalid-step', change, 'a step is a map of fields');
      continue;
    }
    if (change.kind === 'delete') {
      // Fields of a step removed with it are part of the removal; a step otherwise keeps its fields.
      if (removed.has(change.key)) continue;
      return refusal('invalid-step', change, 'a step keeps its fields');
    }
    if (change.content !== 'json') return refusal('invalid-step', change, 'step fields hold JSON values');
    const problem = stepFieldProblem(change.field, change.value);
    if (problem) return refusal('invalid-step', change, problem);
    if (change.field === 'gatheringId') {
      const gatheringId = change.value as string;
      if (!everHeld(gatheringsMapOf(doc), gatheringId) && !addedGatherings.has(gatheringId)) return refusal('unknown-gathering', change);
    }
    let fields = written.get(change.key);
    if (!fields) written.set(change.key, (fields = new Set()));
    fields.add(change.field);
  }
  for (const key of created) {
    const fields = written.get(key) ?? new Set<string>();
    const missing = REQUIRED_STEP_FIELDS.find((field) => !fields.has(field));
    if (missing) return { reason: 'invalid-step', top: TOP_LEVEL.steps, key, detail: `missing ${missing}` };
  }
  return null;
}

/** `live`: only the keys listed above, each one JSON value that its own check accepts. */
export function liveRefusal(changes: readonly Change[]): RefusalOf<RunRefusal> | null {
  for (const change of changes) {
    if (change.key === null || change.field !== null || change.nested) return refusal('invalid-live', change, 'live holds one JSON value per key');
    const check = Object.prototype.hasOwnProperty.call(LIVE_VALUES, change.key) ? LIVE_VALUES[change.key] : undefined;
    // An unknown key is the sender's own text: not repeated in logs.
    if (!check) return { reason: 'invalid-live', top: change.top, key: null, detail: 'unknown key' };
    if (change.kind === 'delete') continue;
    if (change.content !== 'json') return refusal('invalid-live', change, 'live holds one JSON value per key');
    if (!check(change.value)) return refusal('invalid-live', change, change.key);
  }
  return null;
}
