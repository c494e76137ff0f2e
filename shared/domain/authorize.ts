import * as Y from 'yjs';
import { gatheringsMapOf, recordsOf, TOP_LEVEL, writeRuleOf } from '../schema';
import type { Change } from '../validate/changes';
import { recordProblem } from '../validate/records';
import { canvasRefusal, type CanvasRecord, type CanvasRefusal } from './canvasRules';
import { privateStepOfFrame } from './drafts';
import type { Identity } from './identity';
import type { DraftRefusal } from './privateRules';
import { everHeld, isProcessRule, processRefusal, type ProcessRefusal, type ProcessRule } from './processRules';
import type { RefusalOf } from './refusal';
import { reportsRefusal, type ReportRefusal } from './reportRules';
import { liveRefusal, stepsRefusal, type RunRefusal } from './runRules';
import { votesRefusal, type VoteRefusal } from './voteRules';
import type { BallotRefusal } from './votes';

/**
 * Why an update was refused: for logs and tests, never containing document content. The
 * reasons of a private document's gate (privateRules.ts) are among them.
 */
export type Refusal = RefusalOf<
  CanvasRefusal | ProcessRefusal | RunRefusal | VoteRefusal | ReportRefusal | DraftRefusal | BallotRefusal | 'unknown-type' | 'server-only' | 'invalid-record'
>;

/** A canvas record as it was and as an update leaves it (null: absent). */
export interface RecordChange {
  id: string;
  before: CanvasRecord | null;
  after: CanvasRecord | null;
}

/**
 * May `actor` make these changes to `doc`? Every top-level name must be listed in
 * shared/schema.ts; its write rule decides, and every canvas record an update creates or
 * changes must pass tldraw's validators once its changed fields are merged in. The agenda
 * (`steps`) and `live` hold only the values runRules.ts accepts, and `votes` and `reports` those
 * voteRules.ts and reportRules.ts accept, whoever writes them.
 *
 * @returns null when every change is allowed, else the first refusal.
 */
export function authorize(actor: Identity, changes: readonly Change[], doc: Y.Doc): Refusal | null {
  if (actor.role === 'projector') return changes.length ? { reason: 'read-only', top: changes[0].top, key: null } : null;
  const canvas: Change[] = [];
  const steps: Change[] = [];
  const live: Change[] = [];
  const votes: Change[] = [];
  const reports: Change[] = [];
  const process = new Map<ProcessRule, Change[]>();
  for (const change of changes) {
    const rule = writeRuleOf(change.top);
    if (rule === undefined) return { reason: 'unknown-type', top: change.top, key: change.key };
    if (rule === 'server') return { reason: 'server-only', top: change.top, key: change.key };
    if (rule === 'facilitator' && actor.role !== 'facilitator') {
      return { reason: 'facilitator-only', top: change.top, key: change.key };
    }
    if (change.top === TOP_LEVEL.steps) steps.push(change);
    else if (change.top === TOP_LEVEL.live) live.push(change);
    else if (change.top === TOP_LEVEL.votes) votes.push(change);
    else if (change.top === TOP_LEVEL.reports) reports.push(change);
    else if (rule === 'canvas') canvas.push(change);
    else if (isProcessRule(rule)) {
      let list = process.get(rule);
      if (!list) process.set(rule, (list = []));
      list.push(change);
    }
  }
  const addedGatherings = gatheringsAddedBy(changes);
  return (
    stepsRefusal(steps, doc, addedGatherings) ??
    liveRefusal(live) ??
    votesRefusal(votes, doc) ??
    reportsRefusal(reports, doc, addedGatherings) ??
    processRefusal(actor, process, doc) ??
    authorizeCanvas(actor, canvas, doc, addedGatherings)
  );
}

/** Gatherings an update adds (the facilitator's, with their notes in one update). */
function gatheringsAddedBy(changes: readonly Change[]): Set<string> {
  const added = new Set<string>();
  for (const change of changes) {
    if (change.top === TOP_LEVEL.gatherings && change.key !== null && change.field === null && change.kind !== 'delete') added.add(change.key);
  }
  return added;
}

function authorizeCanvas(actor: Identity, changes: readonly Change[], doc: Y.Doc, addedGatherings: ReadonlySet<string>): Refusal | null {
  const merged = recordChangesOf(changes, doc);
  if ('reason' in merged) return merged;
  for (const { id, before, after } of merged) {
    if (after) {
      const problem = recordProblem(id, after, before);
      if (problem) return { reason: 'invalid-record', top: 'records', key: id, detail: problem };
    }
    const refusal = canvasRefusal(actor, before, after);
    if (refusal) return { reason: refusal, top: 'records', key: id };
    if (actor.role === 'participant' && after && !knowsGatheringOf(after, before, doc, addedGatherings)) {
      return { reason: 'unknown-gathering', top: 'records', key: id };
    }
    // What a participant writes in a private step goes to their private document (drafts.ts).
    if (actor.role === 'participant' && !before && after?.typeName === 'shape' && typeof after.parentId === 'string' && after.parentId.startsWith('shape:') && privateStepOfFrame(doc, after.parentId)) {
      return { reason: 'private-step', top: 'records', key: id };
    }
  }
  return null;
}

/** The gathering a shape's meta names, null when none (absent or null), undefined when not a string. */
function gatheringIdOf(record: CanvasRecord | null): string | null | undefined {
  const meta = record?.meta;
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) return null;
  const id = (meta as Record<string, unknown>).gatheringId;
  return id === undefined || id === null ? null : typeof id === 'string' ? id : undefined;
}

/**
 * A participant's shape names no gathering or one the document knows (archived and removed
 * ones too: a note written while its gathering was removed is no forgery), or one the same
 * update adds. A gathering name it already carried is left alone.
 */
function knowsGatheringOf(after: CanvasRecord, before: CanvasRecord | null, doc: Y.Doc, added: ReadonlySet<string>): boolean {
  if (after.typeName !== 'shape') return true;
  const gatheringId = gatheringIdOf(after);
  if (gatheringId === null) return true;
  if (gatheringId === undefined) return false;
  if (before && gatheringIdOf(before) === gatheringId) return true;
  return everHeld(gatheringsMapOf(doc), gatheringId) || added.has(gatheringId);
}

/**
 * The canvas records the changes touch, before and after: a record's new fields are merged
 * over what the document holds (a new record starts empty), removed fields are dropped.
 */
export function recordChangesOf(changes: readonly Change[], doc: Y.Doc): RecordChange[] | Refusal {
  const records = recordsOf(doc);
  const byId = new Map<string, { replaced: boolean; deleted: boolean; fields: Map<string, Change> }>();
  for (const change of changes) {
    const invalid: Refusal = { reason: 'invalid-record', top: change.top, key: change.key };
    // Records hold plain JSON fields: nothing nested, no list at the top, no other content.
    if (change.key === null || change.nested) return invalid;
    let entry = byId.get(change.key);
    if (!entry) byId.set(change.key, (entry = { replaced: false, deleted: false, fields: new Map() }));
    if (change.field === null) {
      if (change.kind === 'delete') entry.deleted = true;
      else if (change.content === 'type') {
        entry.replaced = true;
        entry.deleted = false;
      } else return { ...invalid, detail: 'a record is a map of fields' };
      continue;
    }
    if (change.kind !== 'delete' && change.content !== 'json') return { ...invalid, detail: 'fields hold JSON values' };
    entry.fields.set(change.field, change);
  }
  const result: RecordChange[] = [];
  for (const [id, entry] of byId) {
    const stored = records.get(id);
    const before = stored instanceof Y.Map ? (stored.toJSON() as CanvasRecord) : null;
    if (entry.deleted && !entry.replaced) {
      // Fields of a record deleted with it are part of the deletion.
      if (before) result.push({ id, before, after: null });
      continue;
    }
    // A record replaced by a new map starts from nothing; otherwise from what it holds now.
    const base: Record<string, unknown> = entry.replaced || !before ? {} : { ...before };
    for (const [field, change] of entry.fields) {
      if (change.kind === 'delete') delete base[field];
      else base[field] = change.value;
    }
    if (!entry.replaced && !before) {
      // Fields written into a record that does not exist are dropped by Yjs with their parent.
      continue;
    }
    result.push({ id, before, after: base as CanvasRecord });
  }
  return result;
}
