import type * as Y from 'yjs';
import { gatheringOfNote } from '../../../shared/domain/gatherings';
import type { Group } from '../../../shared/domain/groups';
import { processNoteOf, processNotesOf } from '../../../shared/domain/notes';

/** A note as a thread's card lists it: what it says, who (by group) and where. */
export interface NoteRow {
  noteId: string;
  /** Null when the note is no longer on the board. */
  text: string | null;
  group: Group | null;
  gatheringId: string | null;
  gatheringTitle: string | null;
}

function rowOf(doc: Y.Doc, noteId: string): NoteRow {
  const note = processNoteOf(doc, noteId);
  if (!note) return { noteId, text: null, group: null, gatheringId: null, gatheringTitle: null };
  const gathering = gatheringOfNote(doc, note);
  return { noteId, text: note.text, group: note.group, gatheringId: gathering?.id ?? null, gatheringTitle: gathering?.title ?? null };
}

/** The rows of a thread's notes, in the thread's order. */
export function noteRowsOf(doc: Y.Doc, noteIds: readonly string[]): NoteRow[] {
  return noteIds.map((noteId) => rowOf(doc, noteId));
}

/** Every note on the board that is not in the thread, for linking without the canvas. */
export function notesOutside(doc: Y.Doc, linked: readonly string[]): NoteRow[] {
  const skip = new Set(linked);
  return processNotesOf(doc)
    .filter((note) => !skip.has(note.id) && note.text.trim() !== '')
    .map((note) => rowOf(doc, note.id));
}
