import type * as Y from 'yjs';
import { gatheringOfNote, gatheringsOf, type Gathering } from '../domain/gatherings';
import { groupName } from '../domain/groupNames';
import type { Language } from '../domain/languages';
import type { NarrativeSection } from '../domain/narrative';
import type { ProcessNote } from '../domain/notes';
import type { Learning, Thread, ThreadStatus } from '../domain/threads';
import { weaveFrom } from '../domain/weave';
import type { Block, WeaveFigure } from './exportDocument';
import { formatDay, type ExportWords } from './exportWords';

/**
 * Pieces both exported documents (the narrative, a gathering's report) are made of: how a
 * note's source, a learning, a thread and the weave figure are put in words. Every string is
 * plain text; the renderers escape it.
 */

/** A thread's title, or the words for one without. */
export function threadTitle(thread: Pick<Thread, 'title'>, words: ExportWords): string {
  return thread.title.trim() || words.untitledThread;
}

/** A thread's status in words ("I gang"). */
export function statusWord(status: ThreadStatus, words: ExportWords): string {
  return words[`status_${status}`];
}

/** Where a gathering is, in words: its place, else its title. */
export function placeOf(gathering: Gathering | undefined, words: ExportWords): string {
  return gathering?.place?.trim() || gathering?.title.trim() || words.unknownPlace;
}

/** A note's group in words. */
export function groupOf(note: Pick<ProcessNote, 'group'>, language: Language, words: ExportWords): string {
  return note.group ? groupName(note.group, language) : words.unknownGroup;
}

/** Where and when a note was written: "Borger, Nuuk (Første samling, 12. marts 2025)". */
export function noteSource(doc: Y.Doc, note: ProcessNote, language: Language, words: ExportWords): string {
  const gathering = gatheringOfNote(doc, note);
  const place = placeOf(gathering, words);
  const title = gathering?.title.trim();
  const details = [title && title !== place ? title : null, gathering?.date ? formatDay(gathering.date, language) : null].filter((detail): detail is string => Boolean(detail));
  const where = details.length > 0 ? `${place} (${details.join(', ')})` : place;
  return `${groupOf(note, language, words)}, ${where}`;
}

/** A learning with its day: the text first, so that no list item opens with a number. */
export function learningLine(learning: Pick<Learning, 'text' | 'at'>, language: Language): string {
  return `${learning.text.trim()} (${formatDay(learning.at, language)})`;
}

/** User text of several lines as paragraph blocks, one per non-empty line. */
export function paragraphsOf(text: string): Block[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line): Block => ({ kind: 'paragraph', content: [{ text: line }] }));
}

/** A gathering's place and day in words for the weave ("Nuuk · 12. marts 2025"); the place is left out when it is the title. */
export function gatheringFactsOf(gathering: Pick<Gathering, 'title' | 'place' | 'date'>, language: Language): string {
  const place = gathering.place?.trim() ?? '';
  const named = place.toLocaleLowerCase() === gathering.title.trim().toLocaleLowerCase();
  return [named ? '' : place, gathering.date ? formatDay(gathering.date, language) : ''].filter(Boolean).join(' · ');
}

/**
 * The weave figure of the workshop, counting only the notes that leave the room (`notes`):
 * a hidden note is not even a number in it.
 */
export function weaveFigureOf(
  doc: Y.Doc,
  notes: readonly ProcessNote[],
  threads: readonly Thread[],
  sections: ReadonlyArray<Pick<NarrativeSection, 'id' | 'heading' | 'threadIds'>>,
  language: Language,
  words: ExportWords,
): WeaveFigure {
  const gatherings = gatheringsOf(doc);
  const noteGathering = new Map(notes.map((note) => [note.id, gatheringOfNote(doc, note)?.id ?? null]));
  const weave = weaveFrom(gatherings, threads, (noteId) => noteGathering.get(noteId), sections);
  return {
    weave,
    caption: words.weaveCaption,
    narrativeLabel: words.narrative,
    untitledThread: words.untitledThread,
    beforeFirstHeading: words.beforeFirstHeading,
    gatheringFacts: Object.fromEntries(weave.gatherings.map((gathering) => [gathering.id, gatheringFactsOf(gathering, language)])),
  };
}
