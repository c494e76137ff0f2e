import type * as Y from 'yjs';
import { gatheringsOf, type Gathering } from './gatherings';
import { passagesOfNote, sectionsOf, type NarrativeSection } from './narrative';
import { processNotesOf, type ProcessNote } from './notes';
import { threadIdsOfNote, threadsOf, type Thread, type ThreadStatus } from './threads';

/**
 * The weave view's data (DOMAIN.md, "Weave view"): the gatherings along a time line, the
 * narrative's sections after them, and each thread as a strand that runs through the
 * gatherings where it has notes or learnings and ends in the sections it was woven into.
 * Also "where did my note go": each of a participant's notes with its threads and passages.
 */

/** A gathering as a column of the weave. */
export interface WeaveGathering {
  id: string;
  title: string;
  place: string | null;
  date: string | null;
}

/** A section of the narrative as an end of strands. */
export interface WeaveSection {
  /** Null for the text before the first heading. */
  id: string | null;
  heading: string;
}

/** Where a strand touches a gathering: how many of its notes and learnings are there. */
export interface WeaveStop {
  gatheringId: string;
  notes: number;
  learnings: number;
}

/** One thread as a strand of the weave. */
export interface Strand {
  threadId: string;
  title: string;
  status: ThreadStatus;
  /** The gatherings it runs through, in the gatherings' order. */
  stops: WeaveStop[];
  /** The sections it was woven into, in reading order. */
  sectionIds: Array<string | null>;
  /** Its notes and learnings that belong to no active gathering (not drawn on the time line). */
  elsewhere: number;
}

/** The whole figure. */
export interface Weave {
  gatherings: WeaveGathering[];
  sections: WeaveSection[];
  strands: Strand[];
}

/** The narrative as the weave reads it (shared/domain/narrative.ts). */
export type WeaveNarrative = ReadonlyArray<Pick<NarrativeSection, 'id' | 'heading' | 'threadIds'>>;

function increment(stops: Map<string, WeaveStop>, gatheringId: string, field: 'notes' | 'learnings'): void {
  let stop = stops.get(gatheringId);
  if (!stop) stops.set(gatheringId, (stop = { gatheringId, notes: 0, learnings: 0 }));
  stop[field] += 1;
}

/**
 * The weave from its parts: active gatherings in order, the narrative's sections, and the
 * threads with the gathering of each of their notes (`undefined` for a note that no longer
 * exists, null for one of no gathering). Separate from {@link weaveOf} so the
 * figure can be computed from parts already read.
 */
export function weaveFrom(
  gatherings: readonly Gathering[],
  threads: readonly Thread[],
  gatheringOfNoteId: (noteId: string) => string | null | undefined,
  sections: WeaveNarrative,
): Weave {
  const active = gatherings.filter((gathering) => !gathering.archived);
  const columns = new Set(active.map((gathering) => gathering.id));
  const strands = threads.map((thread): Strand => {
    const stops = new Map<string, WeaveStop>();
    let elsewhere = 0;
    for (const noteId of thread.noteIds) {
      const gatheringId = gatheringOfNoteId(noteId);
      // A link to a note that was deleted leads nowhere.
      if (gatheringId === undefined) continue;
      if (gatheringId && columns.has(gatheringId)) increment(stops, gatheringId, 'notes');
      else elsewhere += 1;
    }
    for (const learning of thread.learnings) {
      if (learning.gatheringId && columns.has(learning.gatheringId)) increment(stops, learning.gatheringId, 'learnings');
      else elsewhere += 1;
    }
    return {
      threadId: thread.id,
      title: thread.title,
      status: thread.status,
      stops: active.flatMap((gathering) => stops.get(gathering.id) ?? []),
      sectionIds: sections.filter((section) => section.threadIds.includes(thread.id)).map((section) => section.id),
      elsewhere,
    };
  });
  return {
    gatherings: active.map(({ id, title, place, date }) => ({ id, title, place, date })),
    sections: sections.map(({ id, heading }) => ({ id, heading })),
    strands,
  };
}

/**
 * Finds a note's gathering as `gatheringOfNote` does (the one its meta names, else the one
 * whose page it is on), with the gatherings read once rather than once per note.
 */
function noteGatheringFinder(gatherings: readonly Gathering[]): (note: Pick<ProcessNote, 'gatheringId' | 'pageId'>) => string | null {
  const known = new Set(gatherings.map((gathering) => gathering.id));
  const byPage = new Map<string, string>();
  for (const gathering of gatherings) if (!byPage.has(gathering.pageId)) byPage.set(gathering.pageId, gathering.id);
  return (note) => {
    if (note.gatheringId && known.has(note.gatheringId)) return note.gatheringId;
    return note.pageId ? (byPage.get(note.pageId) ?? null) : null;
  };
}

/** The weave of a workshop's document, as the weave view draws it. */
export function weaveOf(doc: Y.Doc): Weave {
  const gatherings = gatheringsOf(doc);
  const find = noteGatheringFinder(gatherings);
  const noteGathering = new Map(processNotesOf(doc).map((note) => [note.id, find(note)]));
  return weaveFrom(gatherings, threadsOf(doc), (noteId) => noteGathering.get(noteId), sectionsOf(doc));
}

/** A passage of the narrative that quotes a note, as "where did my note go" shows it. */
export interface NotePassage {
  passageId: string;
  sectionId: string | null;
  /** The heading of its section ('' before the first heading). */
  heading: string;
  /** The passage's text, shortened to {@link EXCERPT_CHARS}. */
  excerpt: string;
}

/** One note of a participant and where it went. */
export interface NoteTrail {
  noteId: string;
  text: string;
  /** Its gathering; null when it belongs to none. */
  gatheringId: string | null;
  /** Its threads, each with its place among all threads, oldest first (which gives its colour). */
  threads: Array<{ id: string; title: string; index: number }>;
  passages: NotePassage[];
}

/** Where a participant's notes went, with the counts shown above them. */
export interface NotesTrail {
  notes: NoteTrail[];
  inThread: number;
  inNarrative: number;
}

/** Longest excerpt of a passage, in characters. */
export const EXCERPT_CHARS = 140;

/** A text shortened at a word boundary to at most `limit` characters, with an ellipsis when cut. */
export function excerptOf(text: string, limit = EXCERPT_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= limit) return flat;
  const cut = flat.slice(0, limit - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Every note `participantId` wrote, in the gatherings' order (notes of no gathering last),
 * each with the threads it is linked to and the passages of the narrative that quote it.
 */
export function notesTrailOf(doc: Y.Doc, participantId: string): NotesTrail {
  const gatherings = gatheringsOf(doc);
  const order = new Map(gatherings.map((gathering, index) => [gathering.id, index]));
  const find = noteGatheringFinder(gatherings);
  const threads = new Map(threadsOf(doc).map((thread, index) => [thread.id, { id: thread.id, title: thread.title, index }]));
  const headings = new Map(sectionsOf(doc).map((section) => [section.id, section.heading]));
  const own = processNotesOf(doc).filter((note) => note.participantId === participantId);
  const placed = own.map((note): [ProcessNote, string | null] => [note, find(note)]);
  const rank = (gatheringId: string | null): number => (gatheringId === null ? Infinity : (order.get(gatheringId) ?? Infinity));
  placed.sort(([a, ga], [b, gb]) => rank(ga) - rank(gb) || a.text.localeCompare(b.text) || (a.id < b.id ? -1 : 1));
  const notes = placed.map(([note, gatheringId]): NoteTrail => ({
    noteId: note.id,
    text: note.text,
    gatheringId,
    threads: threadIdsOfNote(doc, note.id).flatMap((id) => threads.get(id) ?? []),
    passages: passagesOfNote(doc, note.id).map((passage) => ({
      passageId: passage.id,
      sectionId: passage.sectionId,
      heading: headings.get(passage.sectionId) ?? '',
      excerpt: excerptOf(passage.text),
    })),
  }));
  return {
    notes,
    inThread: notes.filter((note) => note.threads.length > 0).length,
    inNarrative: notes.filter((note) => note.passages.length > 0).length,
  };
}
