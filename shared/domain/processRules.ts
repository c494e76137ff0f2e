import * as Y from 'yjs';
import { learningsOf, threadsMapOf, TOP_LEVEL, type WriteRule } from '../schema';
import type { Change } from '../validate/changes';
import type { RefusalOf } from './refusal';
import { isGroup } from './groups';
import type { Identity } from './identity';
import { isOrderKey } from './ids';
import { mayChangeLearning, mayEditNarrative, mayEditThreadCard } from './rights';
import { isThreadStatus, learningFrom, linkKey, MAX_ORDER_CHARS, MAX_THREAD_TEXT_CHARS, MAX_THREAD_TITLE_CHARS } from './threads';

/**
 * The gate's rules for the process (threads, their links and learnings, the narrative and its
 * weaves), as plain functions over the changes an update would make. Each change is judged
 * on its own against the document as it is, so whichever of an update's values Yjs ends up
 * keeping, it was allowed. The views ask the same questions through rights.ts.
 *
 * Existence checks accept a thread or gathering that the document once held and has since
 * lost: someone who linked a note while the facilitator removed its thread wrote nothing
 * harmful, and a refusal would close their socket for good.
 */

/** Why a process change was refused (for logs and tests; never content). */
export type ProcessRefusal =
  | 'facilitator-only'
  | 'not-owner'
  | 'not-writer'
  | 'not-editor'
  | 'forged-author'
  | 'author-changed'
  | 'unknown-thread'
  | 'unknown-gathering'
  | 'invalid-thread'
  | 'invalid-link'
  | 'invalid-learning'
  | 'invalid-weave'
  | 'read-only';

/** Every field of a thread's card, each one written when the thread starts. */
export const THREAD_FIELDS = ['title', 'purpose', 'goal', 'owner', 'status', 'createdBy', 'createdAt'] as const;
/** Fields that say who started a thread and when: nobody changes them afterwards. */
const THREAD_ORIGIN_FIELDS: ReadonlySet<string> = new Set(['createdBy', 'createdAt']);
/** Longest participant id a card, link or learning may name (the server's are 22 characters). */
export const MAX_PERSON_ID_CHARS = 128;
/** Longest thread or note id a link or learning may name. */
export const MAX_LINKED_ID_CHARS = 256;
/** Largest weave record, as JSON characters (a handful of ids and a date). */
export const MAX_WEAVE_JSON_CHARS = 64 * 1024;

const LINK_KEYS = ['linkedBy', 'noteId', 'order', 'threadId'];
const LEARNING_KEYS = ['at', 'gatheringId', 'group', 'text', 'threadId', 'writer'];

function refusal(reason: ProcessRefusal, change: Change, detail?: string): RefusalOf<ProcessRefusal> {
  return detail === undefined ? { reason, top: change.top, key: change.key } : { reason, top: change.top, key: change.key, detail };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasExactly(value: Record<string, unknown>, keys: readonly string[]): boolean {
  const own = Object.keys(value).sort();
  return own.length === keys.length && own.every((key, index) => key === keys[index]);
}

function isPersonId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_PERSON_ID_CHARS;
}

function isLinkedId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_LINKED_ID_CHARS;
}

/** True when `map` holds `key` now or held it once (Yjs keeps a removed entry's place). */
export function everHeld<T>(map: Y.Map<T>, key: string): boolean {
  return map._map.has(key);
}

/** Threads this update creates (a new card map under a thread id). */
export function threadsCreatedBy(changes: readonly Change[]): Set<string> {
  const created = new Set<string>();
  for (const change of changes) {
    if (change.top === TOP_LEVEL.threads && change.key !== null && change.field === null && change.content === 'type' && change.kind !== 'delete') {
      created.add(change.key);
    }
  }
  return created;
}

/** Does the document know this thread, or does the update start it? */
function threadKnown(doc: Y.Doc, threadId: string, started: ReadonlySet<string>): boolean {
  return everHeld(threadsMapOf(doc), threadId) || started.has(threadId);
}

/** Why a value is not acceptable for a card field, or null when it is. */
export function threadFieldProblem(field: string, value: unknown): string | null {
  switch (field) {
    case 'title':
      return typeof value === 'string' && value.length <= MAX_THREAD_TITLE_CHARS ? null : 'title';
    case 'purpose':
    case 'goal':
      return typeof value === 'string' && value.length <= MAX_THREAD_TEXT_CHARS ? null : field;
    case 'status':
      return isThreadStatus(value) ? null : 'status';
    case 'owner':
    case 'createdBy':
      return value === null || isPersonId(value) ? null : field;
    case 'createdAt':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'createdAt';
    default:
      // The name is the sender's own text: not repeated in logs.
      return 'unknown field';
  }
}

/**
 * `threads`: anyone but the projector starts a thread, as themselves (a participant's starts
 * as an idea it owns or nobody owns); the facilitator and the thread's current owner change
 * its card; who started it and when never change; only the facilitator removes a thread.
 */
export function threadsRefusal(actor: Identity, changes: readonly Change[], doc: Y.Doc): RefusalOf<ProcessRefusal> | null {
  const threads = threadsMapOf(doc);
  const created = threadsCreatedBy(changes);
  const removed = new Set(changes.filter((change) => change.field === null && change.kind === 'delete').map((change) => change.key));
  const written = new Map<string, Set<string>>();
  for (const change of changes) {
    if (change.key === null || change.nested) return refusal('invalid-thread', change, 'a thread is a map of fields');
    const stored = threads.get(change.key);
    if (change.field === null) {
      if (change.content === 'json' || change.content === 'other') return refusal('invalid-thread', change, 'a thread is a map of fields');
      // Removing a thread, or putting a new card in its place, loses what it held.
      if ((change.kind === 'delete' || stored !== undefined) && actor.role !== 'facilitator') return refusal('facilitator-only', change);
      continue;
    }
    // Fields of a thread removed with it are part of the removal; a card otherwise keeps them all.
    if (change.kind === 'delete' && removed.has(change.key)) continue;
    if (change.kind === 'delete' || change.content !== 'json') return refusal('invalid-thread', change, 'card fields hold JSON values');
    const problem = threadFieldProblem(change.field, change.value);
    if (problem) return refusal('invalid-thread', change, problem);
    if (created.has(change.key)) {
      let fields = written.get(change.key);
      if (!fields) written.set(change.key, (fields = new Set()));
      fields.add(change.field);
      const start = startRefusal(actor, change);
      if (start) return start;
    } else if (stored instanceof Y.Map) {
      if (!mayEditThreadCard(actor, { owner: ownerOf(stored) })) return refusal('not-owner', change);
      if (THREAD_ORIGIN_FIELDS.has(change.field) && stored.get(change.field) !== change.value) return refusal('author-changed', change, change.field);
    }
    // Otherwise the field is written into a thread that is gone: Yjs keeps it removed.
  }
  for (const key of created) {
    const fields = written.get(key) ?? new Set<string>();
    const missing = THREAD_FIELDS.find((field) => !fields.has(field));
    if (missing) return { reason: 'invalid-thread', top: TOP_LEVEL.threads, key, detail: `missing ${missing}` };
  }
  return null;
}

function ownerOf(card: Y.Map<unknown>): string | null {
  const owner = card.get('owner');
  return typeof owner === 'string' ? owner : null;
}

/** A field of a thread this update starts: started as the actor, a participant's as an idea. */
function startRefusal(actor: Identity, change: Change): RefusalOf<ProcessRefusal> | null {
  if (change.field === 'createdBy' && change.value !== actor.participantId) return refusal('forged-author', change, 'createdBy');
  if (actor.role === 'facilitator') return null;
  if (change.field === 'owner' && change.value !== null && change.value !== actor.participantId) return refusal('forged-author', change, 'owner');
  if (change.field === 'status' && change.value !== 'idea') return refusal('invalid-thread', change, 'status');
  return null;
}

/** Why a value is not a link stored under `key`, or null when it is. */
export function linkProblem(key: string, value: unknown): string | null {
  if (!isRecord(value) || !hasExactly(value, LINK_KEYS)) return 'shape';
  if (!isLinkedId(value.threadId) || !isLinkedId(value.noteId)) return 'ids';
  if (linkKey(value.threadId, value.noteId) !== key) return 'key';
  if (!isOrderKey(value.order, MAX_ORDER_CHARS)) return 'order';
  if (value.linkedBy !== null && !isPersonId(value.linkedBy)) return 'linkedBy';
  return null;
}

/**
 * `threadNotes`: anyone but the projector links a note to a thread the document knows,
 * reorders a link or unlinks it. Every link written names its writer (null for the
 * facilitator): a reorder that crosses someone's unlink arrives as a new link, and must pass
 * as one.
 */
export function threadNotesRefusal(actor: Identity, changes: readonly Change[], doc: Y.Doc, started: ReadonlySet<string>): RefusalOf<ProcessRefusal> | null {
  for (const change of changes) {
    if (change.key === null || change.field !== null || change.nested) return refusal('invalid-link', change, 'a link is one JSON value');
    if (change.kind === 'delete') continue;
    if (change.content !== 'json') return refusal('invalid-link', change, 'a link is one JSON value');
    const problem = linkProblem(change.key, change.value);
    if (problem) return refusal('invalid-link', change, problem);
    const link = change.value as { threadId: string; linkedBy: string | null };
    if (link.linkedBy !== actor.participantId) return refusal('forged-author', change, 'linkedBy');
    if (!threadKnown(doc, link.threadId, started)) return refusal('unknown-thread', change);
  }
  return null;
}

/** Why a value is not a learning, or null when it is. */
export function learningProblem(value: unknown): string | null {
  if (!isRecord(value) || !hasExactly(value, LEARNING_KEYS)) return 'shape';
  if (!isLinkedId(value.threadId)) return 'threadId';
  if (typeof value.text !== 'string' || !value.text.trim() || value.text.length > MAX_THREAD_TEXT_CHARS) return 'text';
  if (typeof value.at !== 'number' || !Number.isFinite(value.at)) return 'at';
  if (value.group !== null && !isGroup(value.group)) return 'group';
  if (value.writer !== null && !isPersonId(value.writer)) return 'writer';
  if (value.gatheringId !== null && !isLinkedId(value.gatheringId)) return 'gatheringId';
  return null;
}

/**
 * `learnings`: anyone but the projector adds a learning to a thread the document knows, as
 * themselves (their participant id and group; none for the facilitator); its writer and the
 * facilitator change or remove it, never who wrote it or which thread it belongs to.
 */
export function learningsRefusal(actor: Identity, changes: readonly Change[], doc: Y.Doc, started: ReadonlySet<string>): RefusalOf<ProcessRefusal> | null {
  const learnings = learningsOf(doc);
  for (const change of changes) {
    if (change.key === null || change.field !== null || change.nested) return refusal('invalid-learning', change, 'a learning is one JSON value');
    const stored = learnings.has(change.key) ? learningFrom(change.key, learnings.get(change.key)) : null;
    if (change.kind !== 'create') {
      // A stored value that is not a learning names no writer: only the facilitator touches it.
      const allowed = stored ? mayChangeLearning(actor, stored) : actor.role === 'facilitator';
      if (!allowed) return refusal('not-writer', change);
      if (change.kind === 'delete') continue;
    }
    if (change.content !== 'json') return refusal('invalid-learning', change, 'a learning is one JSON value');
    const problem = learningProblem(change.value);
    if (problem) return refusal('invalid-learning', change, problem);
    const learning = change.value as { threadId: string; writer: string | null; group: string | null };
    if (stored) {
      if (learning.writer !== stored.writer || learning.group !== stored.group) return refusal('author-changed', change, 'writer');
      if (learning.threadId !== stored.threadId) return refusal('invalid-learning', change, 'threadId');
      continue;
    }
    if (learning.writer !== actor.participantId) return refusal('forged-author', change, 'writer');
    if (learning.group !== actor.group) return refusal('forged-author', change, 'group');
    if (!threadKnown(doc, learning.threadId, started)) return refusal('unknown-thread', change);
  }
  return null;
}

/**
 * `editors` (the narrative and its weaves): the facilitator and the participants named
 * narrative editors. The narrative is the editor's rich text, nested as it likes; a weave is
 * one JSON object per passage.
 */
export function editorsRefusal(actor: Identity, changes: readonly Change[], doc: Y.Doc): RefusalOf<ProcessRefusal> | null {
  for (const change of changes) {
    if (!mayEditNarrative(actor, doc)) return refusal('not-editor', change);
    if (change.top !== TOP_LEVEL.weaves) continue;
    if (change.key === null || change.field !== null || change.nested) return refusal('invalid-weave', change, 'a weave is one JSON object');
    if (change.kind === 'delete') continue;
    if (change.content !== 'json' || !isRecord(change.value)) return refusal('invalid-weave', change, 'a weave is one JSON object');
    if (JSON.stringify(change.value).length > MAX_WEAVE_JSON_CHARS) return refusal('invalid-weave', change, 'size');
  }
  return null;
}

/** The process write rules (every rule of shared/schema.ts but canvas, facilitator and server). */
export type ProcessRule = Extract<WriteRule, 'threads' | 'threadNotes' | 'learnings' | 'editors'>;

/** True when `rule` is judged here. */
export function isProcessRule(rule: WriteRule): rule is ProcessRule {
  return rule === 'threads' || rule === 'threadNotes' || rule === 'learnings' || rule === 'editors';
}

/**
 * May `actor` make these changes, grouped by their process rule? Links and learnings may
 * name a thread the same update starts.
 */
export function processRefusal(actor: Identity, byRule: ReadonlyMap<ProcessRule, Change[]>, doc: Y.Doc): RefusalOf<ProcessRefusal> | null {
  if (actor.role === 'projector') {
    const first = [...byRule.values()].find((list) => list.length > 0)?.[0];
    return first ? { reason: 'read-only', top: first.top, key: null } : null;
  }
  const started = threadsCreatedBy(byRule.get('threads') ?? []);
  return (
    threadsRefusal(actor, byRule.get('threads') ?? [], doc) ??
    threadNotesRefusal(actor, byRule.get('threadNotes') ?? [], doc, started) ??
    learningsRefusal(actor, byRule.get('learnings') ?? [], doc, started) ??
    editorsRefusal(actor, byRule.get('editors') ?? [], doc)
  );
}
