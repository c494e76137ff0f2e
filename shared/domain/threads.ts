import * as Y from 'yjs';
import { learningsOf, threadNotesOf, threadsMapOf } from '../schema';
import { isGroup, type Group } from './groups';
import { newId, orderKeysAfter, ordersForMove } from './ids';
import type { Identity } from './identity';

/** Where a thread (a trial action, prøvehandling) stands. */
export const THREAD_STATUSES = ['idea', 'running', 'learning', 'woven'] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];

/** The fields of a thread's card that its owner and the facilitator change. */
export const THREAD_CARD_FIELDS = ['title', 'purpose', 'goal', 'owner', 'status'] as const;

/** Longest title, and longest purpose, goal or learning, in characters. */
export const MAX_THREAD_TITLE_CHARS = 200;
export const MAX_THREAD_TEXT_CHARS = 4_000;
/** Longest fractional order key of a link. */
export const MAX_ORDER_CHARS = 64;

/** What was learned in a thread, dated, with the writer's group. */
export interface Learning {
  id: string;
  threadId: string;
  text: string;
  /** When it was written (milliseconds since 1970). */
  at: number;
  group: Group | null;
  /** The participant who wrote it; null for the facilitator. */
  writer: string | null;
  /** The gathering it was written at or for, if any (the weave view draws it there). */
  gatheringId: string | null;
}

/** A thread's card with its linked notes in order and its learnings by date. */
export interface Thread {
  id: string;
  title: string;
  purpose: string;
  goal: string;
  /** The participant who coordinates it; null when the facilitator does. */
  owner: string | null;
  status: ThreadStatus;
  /** The participant who started it; null for the facilitator. */
  createdBy: string | null;
  createdAt: number;
  noteIds: string[];
  learnings: Learning[];
}

/** A link of a note to a thread, as stored under `threadNotes`. */
export interface ThreadLink {
  threadId: string;
  noteId: string;
  order: string;
  /** The participant who linked the note or last moved it; null for the facilitator. */
  linkedBy: string | null;
}

/** The key of a note's link to a thread. */
export function linkKey(threadId: string, noteId: string): string {
  return `${threadId}/${noteId}`;
}

/** True when `value` names a thread status. */
export function isThreadStatus(value: unknown): value is ThreadStatus {
  return typeof value === 'string' && (THREAD_STATUSES as readonly string[]).includes(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A stored link, or null when the value is not one. */
export function linkFrom(value: unknown): ThreadLink | null {
  if (typeof value !== 'object' || value === null) return null;
  const link = value as Record<string, unknown>;
  if (typeof link.threadId !== 'string' || typeof link.noteId !== 'string' || typeof link.order !== 'string') return null;
  return {
    threadId: link.threadId,
    noteId: link.noteId,
    order: link.order,
    linkedBy: typeof link.linkedBy === 'string' ? link.linkedBy : null,
  };
}

/** A stored learning, or null when the value is not one. */
export function learningFrom(id: string, value: unknown): Learning | null {
  if (typeof value !== 'object' || value === null) return null;
  const learning = value as Record<string, unknown>;
  if (typeof learning.threadId !== 'string' || typeof learning.text !== 'string' || typeof learning.at !== 'number') return null;
  return {
    id,
    threadId: learning.threadId,
    text: learning.text,
    at: learning.at,
    group: isGroup(learning.group) ? learning.group : null,
    writer: typeof learning.writer === 'string' ? learning.writer : null,
    gatheringId: typeof learning.gatheringId === 'string' ? learning.gatheringId : null,
  };
}

function linksByThread(doc: Y.Doc): Map<string, ThreadLink[]> {
  const byThread = new Map<string, ThreadLink[]>();
  threadNotesOf(doc).forEach((value) => {
    const link = linkFrom(value);
    if (!link) return;
    let list = byThread.get(link.threadId);
    if (!list) byThread.set(link.threadId, (list = []));
    list.push(link);
  });
  for (const list of byThread.values()) list.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.noteId < b.noteId ? -1 : 1));
  return byThread;
}

function learningsByThread(doc: Y.Doc): Map<string, Learning[]> {
  const byThread = new Map<string, Learning[]>();
  learningsOf(doc).forEach((value, id) => {
    const learning = learningFrom(id, value);
    if (!learning) return;
    let list = byThread.get(learning.threadId);
    if (!list) byThread.set(learning.threadId, (list = []));
    list.push(learning);
  });
  for (const list of byThread.values()) list.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  return byThread;
}

function threadFrom(id: string, fields: Y.Map<unknown>, links: ThreadLink[], learnings: Learning[]): Thread {
  const status = fields.get('status');
  const owner = fields.get('owner');
  const createdBy = fields.get('createdBy');
  const createdAt = fields.get('createdAt');
  return {
    id,
    title: text(fields.get('title')),
    purpose: text(fields.get('purpose')),
    goal: text(fields.get('goal')),
    owner: typeof owner === 'string' ? owner : null,
    status: isThreadStatus(status) ? status : 'idea',
    createdBy: typeof createdBy === 'string' ? createdBy : null,
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
    noteIds: links.map((link) => link.noteId),
    learnings,
  };
}

/** Every thread, oldest first. */
export function threadsOf(doc: Y.Doc): Thread[] {
  const links = linksByThread(doc);
  const learnings = learningsByThread(doc);
  const list: Thread[] = [];
  threadsMapOf(doc).forEach((fields, id) => {
    if (fields instanceof Y.Map) list.push(threadFrom(id, fields, links.get(id) ?? [], learnings.get(id) ?? []));
  });
  return list.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

/** One thread by id. */
export function threadOf(doc: Y.Doc, id: string): Thread | undefined {
  const fields = threadsMapOf(doc).get(id);
  if (!(fields instanceof Y.Map)) return undefined;
  return threadFrom(id, fields, linksByThread(doc).get(id) ?? [], learningsByThread(doc).get(id) ?? []);
}

/** The threads a note is linked to. */
export function threadIdsOfNote(doc: Y.Doc, noteId: string): string[] {
  const ids: string[] = [];
  threadNotesOf(doc).forEach((value) => {
    const link = linkFrom(value);
    if (link && link.noteId === noteId && threadsMapOf(doc).has(link.threadId)) ids.push(link.threadId);
  });
  return ids;
}

/** What starts a thread. */
export interface ThreadStart {
  title: string;
  purpose?: string;
  goal?: string;
  /** Notes to link at once, in this order. */
  noteIds?: readonly string[];
}

/**
 * Starts a thread as `actor`: a participant who starts it is its owner until the facilitator
 * names another; the facilitator's threads start without an owner.
 */
export function startThread(doc: Y.Doc, actor: Identity, start: ThreadStart, now = Date.now()): string {
  const id = newId('thread');
  doc.transact(() => {
    const fields = new Y.Map<unknown>();
    threadsMapOf(doc).set(id, fields);
    fields.set('title', start.title.trim().slice(0, MAX_THREAD_TITLE_CHARS));
    fields.set('purpose', (start.purpose ?? '').slice(0, MAX_THREAD_TEXT_CHARS));
    fields.set('goal', (start.goal ?? '').slice(0, MAX_THREAD_TEXT_CHARS));
    fields.set('owner', actor.participantId);
    fields.set('status', 'idea');
    fields.set('createdBy', actor.participantId);
    fields.set('createdAt', now);
    if (start.noteIds?.length) linkNotes(doc, actor, id, start.noteIds);
  });
  return id;
}

/** Changes a thread's card (title, purpose, goal, owner, status). */
export function updateThread(doc: Y.Doc, id: string, patch: Partial<Pick<Thread, (typeof THREAD_CARD_FIELDS)[number]>>): void {
  doc.transact(() => {
    const fields = threadsMapOf(doc).get(id);
    if (!(fields instanceof Y.Map)) return;
    if (patch.title !== undefined) fields.set('title', patch.title.trim().slice(0, MAX_THREAD_TITLE_CHARS));
    if (patch.purpose !== undefined) fields.set('purpose', patch.purpose.slice(0, MAX_THREAD_TEXT_CHARS));
    if (patch.goal !== undefined) fields.set('goal', patch.goal.slice(0, MAX_THREAD_TEXT_CHARS));
    if (patch.owner !== undefined) fields.set('owner', patch.owner);
    if (patch.status !== undefined && isThreadStatus(patch.status)) fields.set('status', patch.status);
  });
}

/**
 * Links notes to the end of a thread, in the order given; notes linked already stay where they
 * are. Notes linked at once keep together even when someone else links notes at the same time.
 * Does nothing when the document has no such thread (the gate would refuse the links).
 */
export function linkNotes(doc: Y.Doc, actor: Identity, threadId: string, noteIds: readonly string[]): void {
  doc.transact(() => {
    if (!(threadsMapOf(doc).get(threadId) instanceof Y.Map)) return;
    const links = threadNotesOf(doc);
    const fresh = [...new Set(noteIds)].filter((noteId) => !links.has(linkKey(threadId, noteId)));
    const last = linksByThread(doc).get(threadId)?.at(-1)?.order ?? null;
    const orders = orderKeysAfter(last, fresh.length);
    fresh.forEach((noteId, index) => {
      const link: ThreadLink = { threadId, noteId, order: orders[index], linkedBy: actor.participantId };
      links.set(linkKey(threadId, noteId), link);
    });
  });
}

/** Unlinks a note from a thread. */
export function unlinkNote(doc: Y.Doc, threadId: string, noteId: string): void {
  doc.transact(() => threadNotesOf(doc).delete(linkKey(threadId, noteId)));
}

/**
 * Moves a linked note one place earlier (-1) or later (+1) in its thread. Every link it
 * writes names `actor`: a link names whoever placed it last, so a move that crosses an unlink
 * from someone else is still the mover's own link. When two links share a place (linked at
 * once elsewhere), the thread's links are numbered afresh.
 */
export function moveLinkedNote(doc: Y.Doc, actor: Identity, threadId: string, noteId: string, direction: -1 | 1): void {
  doc.transact(() => {
    const list = linksByThread(doc).get(threadId) ?? [];
    const at = list.findIndex((link) => link.noteId === noteId);
    const target = at + direction;
    if (at < 0 || target < 0 || target >= list.length) return;
    const orders = ordersForMove(list.map((link) => link.order), at, target, MAX_ORDER_CHARS);
    for (const [index, order] of orders) {
      const link: ThreadLink = { ...list[index], order, linkedBy: actor.participantId };
      threadNotesOf(doc).set(linkKey(threadId, link.noteId), link);
    }
  });
}

/**
 * Adds what was learned to a thread, dated now, with the writer's group and the gathering it
 * belongs to. Throws when the text is empty or the document has no such thread: the gate would
 * refuse either, so the view must not offer it.
 */
export function addLearning(
  doc: Y.Doc,
  actor: Identity,
  threadId: string,
  learningText: string,
  gatheringId: string | null,
  now = Date.now(),
): string {
  const text = learningText.trim().slice(0, MAX_THREAD_TEXT_CHARS);
  if (!text) throw new Error('a learning needs text');
  if (!(threadsMapOf(doc).get(threadId) instanceof Y.Map)) throw new Error('no such thread');
  const id = newId('learning');
  doc.transact(() => {
    const learning: Omit<Learning, 'id'> = { threadId, text, at: now, group: actor.group, writer: actor.participantId, gatheringId };
    learningsOf(doc).set(id, learning);
  });
  return id;
}

/** Removes a learning (its writer or the facilitator). */
export function removeLearning(doc: Y.Doc, id: string): void {
  doc.transact(() => learningsOf(doc).delete(id));
}

/** Removes a thread with its links and learnings (the facilitator). */
export function removeThread(doc: Y.Doc, id: string): void {
  doc.transact(() => {
    threadsMapOf(doc).delete(id);
    for (const [key, value] of threadNotesOf(doc).entries()) if (linkFrom(value)?.threadId === id) threadNotesOf(doc).delete(key);
    for (const [key, value] of learningsOf(doc).entries()) if (learningFrom(key, value)?.threadId === id) learningsOf(doc).delete(key);
  });
}
