import type * as Y from 'yjs';
import type { Group } from '../../../shared/domain/groups';
import { processNotesOf } from '../../../shared/domain/notes';
import type { Thread, ThreadStatus } from '../../../shared/domain/threads';
import { gatheringOfNoteIn } from '../gatherings/gatheringNotes';

/** What the threads panel narrows its list by; '' is "any". */
export interface ThreadFilter {
  status: ThreadStatus | '';
  gatheringId: string;
  group: Group | '';
}

/** The list unfiltered. */
export const ANY_THREAD: ThreadFilter = { status: '', gatheringId: '', group: '' };

/** What the filters ask of a note: the gathering it belongs to and its writer's group. */
export interface NoteFacts {
  gatheringId: string | null;
  group: Group | null;
}

/** The gathering and group of every note, by note id. */
export function noteFactsOf(doc: Y.Doc): Map<string, NoteFacts> {
  const gatheringOf = gatheringOfNoteIn(doc);
  const facts = new Map<string, NoteFacts>();
  for (const note of processNotesOf(doc)) facts.set(note.id, { gatheringId: gatheringOf(note)?.id ?? null, group: note.group });
  return facts;
}

/**
 * Does a thread pass the filter? Its status must be the one asked for; it is in a gathering,
 * or speaks for a group, when one of its notes is.
 */
export function threadMatches(thread: Pick<Thread, 'status' | 'noteIds'>, filter: ThreadFilter, notes: ReadonlyMap<string, NoteFacts>): boolean {
  if (filter.status && thread.status !== filter.status) return false;
  const facts = thread.noteIds.map((id) => notes.get(id)).filter((note): note is NoteFacts => note !== undefined);
  if (filter.gatheringId && !facts.some((note) => note.gatheringId === filter.gatheringId)) return false;
  if (filter.group && !facts.some((note) => note.group === filter.group)) return false;
  return true;
}
