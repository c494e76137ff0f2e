import type * as Y from 'yjs';
import type { Language } from '../domain/languages';
import { readNarrative, type NarrativeReading } from '../domain/narrative';
import type { SourceLink } from '../domain/narrativeFormat';
import type { ProcessNote } from '../domain/notes';
import { threadsOf, type Thread } from '../domain/threads';
import type { Block, ExportDocument, Footnote } from './exportDocument';
import { learningLine, noteSource, threadTitle, weaveFigureOf } from './exportParts';
import { exportWords, formatDay, type ExportWords } from './exportWords';
import { narrativeBlocks } from './narrativeBlocks';
import { currentFacts, dotsByNote, exportedNotes, type WorkshopFacts } from './workshopJson';

/**
 * The narrative as a document: its sections with footnotes that name the notes each quotes
 * (group, place), the weave figure, and the provenance appendix (the threads woven in, their
 * notes, groups, places and learnings). Hidden notes appear nowhere: a quote of one keeps
 * the narrative's words but gets no footnote.
 */
export function narrativeDocument(doc: Y.Doc, stored: WorkshopFacts, now = Date.now()): ExportDocument {
  const { title, language } = currentFacts(doc, stored);
  const words = exportWords(language);
  const reading = readNarrative(doc);
  const notes = exportedNotes(doc);
  const notesById = new Map(notes.map((note) => [note.id, note]));
  const threads = threadsOf(doc);
  const threadsById = new Map(threads.map((thread) => [thread.id, thread]));

  const footnotes: Footnote[] = [];
  const numbers = new Map<string, number>();
  const footnoteOf = (link: SourceLink): number | null => {
    const note = notesById.get(link.noteId);
    if (!note) return null;
    const key = `${link.threadId ?? ''}\u0000${link.noteId}`;
    const known = numbers.get(key);
    if (known !== undefined) return known;
    const thread = link.threadId ? threadsById.get(link.threadId) : undefined;
    const quote = `“${note.text.replace(/\s+/g, ' ').trim()}” — ${noteSource(doc, note, language, words)}`;
    footnotes.push({ text: thread ? `${threadTitle(thread, words)}: ${quote}` : quote });
    numbers.set(key, footnotes.length);
    return footnotes.length;
  };

  const blocks: Block[] = reading.sections.length === 0 ? [{ kind: 'remark', text: words.emptyNarrative }] : narrativeBlocks(doc, words.beforeFirstHeading, footnoteOf);
  const figure = weaveFigureOf(doc, notes, threads, reading.sections, language, words);
  if (figure.weave.gatherings.length > 0 || figure.weave.strands.length > 0) blocks.push({ kind: 'heading', level: 2, text: words.weave }, { kind: 'weave', figure });
  blocks.push(...provenance(doc, reading, threads, notesById, language, words));
  return {
    kind: 'narrative',
    language,
    title,
    subtitle: `${words.narrative} · ${words.exported} ${formatDay(now, language)}`,
    blocks,
    footnotes,
    labels: { footnotes: words.footnotes, page: words.page, weaveDescription: words.weaveDescription },
  };
}

/** The threads the narrative holds: those woven into a section, then any marked woven. */
function wovenThreads(threads: readonly Thread[], reading: NarrativeReading): Thread[] {
  const named = new Set(reading.sections.flatMap((section) => section.threadIds));
  return threads.filter((thread) => named.has(thread.id) || thread.status === 'woven');
}

/** The appendix: each woven thread's purpose and goal, the notes it builds on, and its learnings. */
function provenance(
  doc: Y.Doc,
  reading: NarrativeReading,
  threads: readonly Thread[],
  notes: ReadonlyMap<string, ProcessNote>,
  language: Language,
  words: ExportWords,
): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: words.provenance },
    { kind: 'paragraph', content: [{ text: words.provenanceIntro }] },
  ];
  const woven = wovenThreads(threads, reading);
  if (woven.length === 0) return [...blocks, { kind: 'remark', text: words.noWovenThreads }];
  const dots = dotsByNote(doc);
  for (const thread of woven) {
    blocks.push({ kind: 'heading', level: 3, text: threadTitle(thread, words) });
    const fields = [
      { label: words.purpose, value: thread.purpose.trim() },
      { label: words.goal, value: thread.goal.trim() },
    ].filter((field) => field.value !== '');
    if (fields.length > 0) blocks.push({ kind: 'fields', fields });
    // The notes linked to the thread, then any the narrative quotes for it besides.
    const quoted = reading.sources.filter((source) => source.threadId === thread.id).map((source) => source.noteId);
    const noteIds = [...new Set([...thread.noteIds, ...quoted])].filter((noteId) => notes.has(noteId));
    blocks.push({ kind: 'heading', level: 4, text: words.notes });
    if (noteIds.length === 0) blocks.push({ kind: 'remark', text: words.noNotes });
    else {
      blocks.push({
        kind: 'quotes',
        quotes: noteIds.map((noteId) => {
          const note = notes.get(noteId) as ProcessNote;
          const given = dots.get(noteId);
          const quote = { text: note.text, source: noteSource(doc, note, language, words) };
          // Dots only where some were given: a note nobody chose reads as a plain quote.
          return given ? { ...quote, dots: given } : quote;
        }),
      });
    }
    if (thread.learnings.length > 0) {
      blocks.push({ kind: 'heading', level: 4, text: words.learnings }, { kind: 'list', items: thread.learnings.map((learning) => [{ text: learningLine(learning, language) }]) });
    }
  }
  return blocks;
}
