import type * as Y from 'yjs';
import type { Gathering } from '../../../shared/domain/gatherings';
import type { Group } from '../../../shared/domain/groups';
import { processNoteOf, processNotesOf, type ProcessNote } from '../../../shared/domain/notes';
import { gatheringOfNoteIn } from '../gatherings/gatheringNotes';

/** A note as a thread's card lists it: what it says, who (by group) and where. */
export interface NoteRow {
  noteId: string;
  /** Null when the note is no longer on the board. */
  text: string | null;
  group: Group | null;
  gatheringId: string | null;
  gatheringTitle: string | null;
}

type GatheringOf = (note: ProcessNote) => Gathering | undefined;

function rowOf(note: ProcessNote, gatheringOf: GatheringOf): NoteRow {
  const gathering = gatheringOf(note);
  return { noteId: note.id, text: note.text, group: note.group, gatheringId: gathering?.id ?? null, gatheringTitle: gathering?.title ?? null };
}

/** The rows of a thread's notes, in the thread's order. */
export function noteRowsOf(doc: Y.Doc, noteIds: readonly string[]): NoteRow[] {
  const gatheringOf = gatheringOfNoteIn(doc);
  return noteIds.map((noteId) => {
    const note = processNoteOf(doc, noteId);
    return note ? rowOf(note, gatheringOf) : { noteId, text: null, group: null, gatheringId: null, gatheringTitle: null };
  });
}

/** Every note on the board that is not in the thread, for linking without the canvas. */
export function notesOutside(doc: Y.Doc, linked: readonly string[]): NoteRow[] {
  const skip = new Set(linked);
  const gatheringOf = gatheringOfNoteIn(doc);
  return processNotesOf(doc)
    .filter((note) => !skip.has(note.id) && note.text.trim() !== '')
    .map((note) => rowOf(note, gatheringOf));
}
