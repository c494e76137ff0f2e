import * as Y from 'yjs';
import type { Group } from '../../../shared/domain/groups';
import { isHiddenRecord } from '../../../shared/domain/moderation';
import { processNoteOf } from '../../../shared/domain/notes';
import type { Step } from '../../../shared/domain/steps';
import { threadOf } from '../../../shared/domain/threads';
import { recordsOf } from '../../../shared/schema';

/** A note as a ballot or a result lists it: what it says and whose group wrote it. */
export interface VoteNoteRow {
  noteId: string;
  text: string;
  group: Group | null;
}

/** Nested frames and groups deeper than this are not followed (a crafted board cannot loop us). */
const MAX_DEPTH = 64;

function isHidden(doc: Y.Doc, noteId: string): boolean {
  const record = recordsOf(doc).get(noteId);
  return record instanceof Y.Map && isHiddenRecord({ meta: record.get('meta') });
}

/** A note people may vote on: on the board, not hidden by the facilitator, with some text. */
function votable(doc: Y.Doc, noteId: string): VoteNoteRow | null {
  const note = processNoteOf(doc, noteId);
  if (!note || isHidden(doc, noteId) || note.text.trim() === '') return null;
  return { noteId, text: note.text, group: note.group };
}

function insideFrame(doc: Y.Doc, id: string, frameId: string): boolean {
  const records = recordsOf(doc);
  let current: string | undefined = id;
  for (let depth = 0; depth < MAX_DEPTH && current; depth++) {
    const record = records.get(current);
    if (!(record instanceof Y.Map)) return false;
    const parent = record.get('parentId');
    if (parent === frameId) return true;
    current = typeof parent === 'string' && !parent.startsWith('page:') ? parent : undefined;
  }
  return false;
}

function position(doc: Y.Doc, id: string): { x: number; y: number } {
  const record = recordsOf(doc).get(id);
  const x = record?.get('x');
  const y = record?.get('y');
  return { x: typeof x === 'number' ? x : 0, y: typeof y === 'number' ? y : 0 };
}

/**
 * The notes a vote on a step holds: those inside its frame that people may vote on, in
 * reading order (row by row, as they sit in the frame). Hidden notes are left out, so a
 * note the facilitator took off the projector cannot come back through a vote.
 */
export function stepNoteIds(doc: Y.Doc, step: Pick<Step, 'frameId'>): string[] {
  const frameId = step.frameId;
  if (!frameId) return [];
  const ids: string[] = [];
  recordsOf(doc).forEach((record, id) => {
    if (record instanceof Y.Map && record.get('type') === 'note' && insideFrame(doc, id, frameId) && votable(doc, id)) ids.push(id);
  });
  return ids.sort((a, b) => {
    const first = position(doc, a);
    const second = position(doc, b);
    return first.y - second.y || first.x - second.x || a.localeCompare(b);
  });
}

/** The notes a vote on a thread holds: the thread's notes people may vote on, in its order. */
export function threadNoteIds(doc: Y.Doc, threadId: string): string[] {
  return (threadOf(doc, threadId)?.noteIds ?? []).filter((noteId) => votable(doc, noteId) !== null);
}

/** A vote's notes as people see them now: notes since removed or hidden are left out. */
export function voteNoteRows(doc: Y.Doc, noteIds: readonly string[]): VoteNoteRow[] {
  return noteIds.flatMap((noteId) => votable(doc, noteId) ?? []);
}

/** The text of a note for a result, or null when it is gone or hidden. */
export function resultNoteRow(doc: Y.Doc, noteId: string): VoteNoteRow | null {
  return votable(doc, noteId);
}

/** A note's text cut for a button's name: a screen reader reads the name whole, every time. */
export function shortNoteText(text: string, limit = 80): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > limit ? `${line.slice(0, limit - 1)}…` : line;
}
