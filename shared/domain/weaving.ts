import type * as Y from 'yjs';
import { weavesOf } from '../schema';
import { gatheringOfNote } from './gatherings';
import { groupName } from './groupNames';
import type { Group } from './groups';
import { newId } from './ids';
import type { Language } from './languages';
import {
  MAX_PASSAGE_SOURCES,
  MAX_QUOTE_CHARS,
  NARRATIVE_NODE,
  SOURCE_MARK,
  type NarrativeNodeJSON,
  type NarrativeTextJSON,
  type WeaveRecord,
} from './narrativeFormat';
import { processNoteOf, type ProcessNote } from './notes';
import { threadOf } from './threads';

/** A note quoted in a drafted passage, with who said it and where. */
export interface PassageQuote {
  noteId: string;
  /** The note's text, shortened to a quote. */
  text: string;
  group: Group | null;
  /** The place of the note's gathering, if it has one. */
  place: string | null;
}

/** A passage drafted from a thread, ready for the editor to insert. */
export interface PassageDraft {
  passageId: string;
  threadId: string;
  title: string;
  purpose: string;
  quotes: PassageQuote[];
  /** The quoted notes, in the thread's order. */
  noteIds: string[];
  /** The passage node as ProseMirror JSON: what the editor inserts. */
  content: NarrativeNodeJSON;
}

/** Opening and closing quotation marks as each language sets them. */
const QUOTATION_MARKS: Record<Language, [string, string]> = {
  da: ['»', '«'],
  kl: ['»', '«'],
  sv: ['”', '”'],
  en: ['“', '”'],
};

/** A note's text as a short quote: one line, at most MAX_QUOTE_CHARS, cut at a word. */
export function shortQuote(text: string, limit = MAX_QUOTE_CHARS): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= limit) return line;
  const cut = line.slice(0, limit - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Who said it and where, in `language`: "Citizen, Nuuk". */
export function attribution(quote: Pick<PassageQuote, 'group' | 'place'>, language: Language): string {
  return [quote.group ? groupName(quote.group, language) : null, quote.place].filter(Boolean).join(', ');
}

function quoteOfNote(doc: Y.Doc, note: ProcessNote): PassageQuote {
  return { noteId: note.id, text: shortQuote(note.text), group: note.group, place: gatheringOfNote(doc, note)?.place ?? null };
}

/**
 * Picks up to `limit` quotes so that groups and places are spread: each pick is the note,
 * in the thread's order, that adds the most groups and places not yet heard.
 */
export function spreadQuotes(quotes: readonly PassageQuote[], limit = MAX_PASSAGE_SOURCES): PassageQuote[] {
  const chosen = new Set<number>();
  const groups = new Set<string>();
  const places = new Set<string>();
  while (chosen.size < limit && chosen.size < quotes.length) {
    let best = -1;
    let bestScore = -1;
    quotes.forEach((quote, index) => {
      if (chosen.has(index)) return;
      const score = (groups.has(quote.group ?? '') ? 0 : 1) + (places.has(quote.place ?? '') ? 0 : 1);
      if (score > bestScore) {
        best = index;
        bestScore = score;
      }
    });
    chosen.add(best);
    groups.add(quotes[best].group ?? '');
    places.add(quotes[best].place ?? '');
  }
  return quotes.filter((_quote, index) => chosen.has(index));
}

/** A paragraph quoting one note: the quote carries the source mark, its attribution follows. */
export function quoteParagraph(quote: PassageQuote, threadId: string, language: Language): NarrativeNodeJSON {
  const [open, close] = QUOTATION_MARKS[language];
  const said = attribution(quote, language);
  const content: NarrativeTextJSON[] = [
    { type: 'text', text: `${open}${quote.text}${close}`, marks: [{ type: SOURCE_MARK, attrs: { noteId: quote.noteId, threadId } }] },
  ];
  if (said) content.push({ type: 'text', text: ` (${said})` });
  return { type: NARRATIVE_NODE.paragraph, content };
}

/** The quote of one note, for putting a lost source link back; undefined when the note is gone. */
export function quoteOf(doc: Y.Doc, noteId: string): PassageQuote | undefined {
  const note = processNoteOf(doc, noteId);
  return note ? quoteOfNote(doc, note) : undefined;
}

/**
 * Drafts a passage from a thread: its title and purpose, then up to five of its notes as
 * short quotes with group and place, chosen to spread groups and places. Undefined when the
 * thread does not exist. The draft is only data; the editor inserts `content`.
 */
export function draftPassage(doc: Y.Doc, threadId: string, language: Language): PassageDraft | undefined {
  const thread = threadOf(doc, threadId);
  if (!thread) return undefined;
  const quotes = thread.noteIds
    .map((noteId) => processNoteOf(doc, noteId))
    .filter((note): note is ProcessNote => note !== undefined && note.text.trim() !== '')
    .map((note) => quoteOfNote(doc, note));
  const chosen = spreadQuotes(quotes);
  const opening: NarrativeTextJSON[] = [{ type: 'text', text: thread.title, marks: [{ type: 'bold' }] }];
  const purpose = thread.purpose.trim();
  if (purpose) opening.push({ type: 'text', text: `: ${purpose}` });
  const passageId = newId('passage');
  return {
    passageId,
    threadId,
    title: thread.title,
    purpose,
    quotes: chosen,
    noteIds: chosen.map((quote) => quote.noteId),
    content: {
      type: NARRATIVE_NODE.passage,
      attrs: { passageId, threadId },
      content: [{ type: NARRATIVE_NODE.paragraph, content: opening }, ...chosen.map((quote) => quoteParagraph(quote, threadId, language))],
    },
  };
}

/** What a weave records, beside the passage it inserted. */
export interface WeaveFacts {
  passageId: string;
  threadId: string;
  noteIds: readonly string[];
  sectionId: string | null;
  /** The participant who wove it; null for the facilitator. */
  by: string | null;
}

/** Records a weave, so a source link whose text is later deleted can be found and reviewed. */
export function recordWeave(doc: Y.Doc, facts: WeaveFacts, now = Date.now()): void {
  const record: WeaveRecord = {
    threadId: facts.threadId,
    noteIds: facts.noteIds.slice(0, MAX_PASSAGE_SOURCES),
    sectionId: facts.sectionId,
    at: now,
    by: facts.by,
    dismissed: [],
  };
  doc.transact(() => weavesOf(doc).set(facts.passageId, record));
}
