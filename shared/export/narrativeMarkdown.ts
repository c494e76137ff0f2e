import type * as Y from 'yjs';
import { gatheringOfNote } from '../domain/gatherings';
import { groupName } from '../domain/groupNames';
import { readNarrative, type NarrativeReading } from '../domain/narrative';
import type { ProcessNote } from '../domain/notes';
import { threadsOf, type Thread } from '../domain/threads';
import { escapeInline, escapeParagraphs } from './markdownEscape';
import { exportWords, formatDay, type ExportWords } from './exportWords';
import { currentFacts, exportedNotes, type WorkshopFacts } from './workshopJson';

/**
 * The narrative as Markdown in the workshop's language, with its provenance appendix: each
 * thread woven into it, the notes it quotes with their group and place, and its learnings.
 * Every piece of user text is escaped (markdownEscape.ts); only the layout is Markdown.
 */
export function narrativeMarkdown(doc: Y.Doc, stored: WorkshopFacts, now = Date.now()): string {
  const facts = currentFacts(doc, stored);
  const words = exportWords(facts.language);
  const reading = readNarrative(doc);
  const lines: string[] = [`# ${escapeInline(facts.title)}`, '', `${words.narrative} · ${words.exported} ${formatDay(now, facts.language)}`, ''];
  if (reading.sections.length === 0) lines.push(words.emptyNarrative, '');
  for (const section of reading.sections) {
    const heading = section.heading.trim() || words.beforeFirstHeading;
    lines.push(`## ${escapeInline(heading)}`, '');
    for (const paragraph of escapeParagraphs(section.text)) lines.push(paragraph, '');
  }
  lines.push(...provenance(doc, reading, facts, words));
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The threads the narrative holds: those woven into a section, then any marked woven. */
function wovenThreads(doc: Y.Doc, reading: NarrativeReading): Thread[] {
  const named = new Set(reading.sections.flatMap((section) => section.threadIds));
  return threadsOf(doc).filter((thread) => named.has(thread.id) || thread.status === 'woven');
}

function provenance(doc: Y.Doc, reading: NarrativeReading, facts: WorkshopFacts, words: ExportWords): string[] {
  const lines = [`## ${words.provenance}`, '', words.provenanceIntro, ''];
  const threads = wovenThreads(doc, reading);
  if (threads.length === 0) return [...lines, words.noWovenThreads, ''];
  const notes = new Map(exportedNotes(doc).map((note) => [note.id, note]));
  for (const thread of threads) {
    lines.push(`### ${escapeInline(thread.title.trim() || words.untitledThread)}`, '');
    if (thread.purpose.trim()) lines.push(`**${words.purpose}:** ${escapeInline(thread.purpose)}`, '');
    if (thread.goal.trim()) lines.push(`**${words.goal}:** ${escapeInline(thread.goal)}`, '');
    // The notes linked to the thread, then any the narrative quotes for it besides.
    const quoted = reading.sources.filter((source) => source.threadId === thread.id).map((source) => source.noteId);
    const noteIds = [...new Set([...thread.noteIds, ...quoted])].filter((noteId) => notes.has(noteId));
    lines.push(`**${words.notes}:**`, '');
    if (noteIds.length === 0) lines.push(words.noNotes);
    for (const noteId of noteIds) lines.push(`- ${noteLine(doc, notes.get(noteId) as ProcessNote, facts, words)}`);
    lines.push('');
    if (thread.learnings.length > 0) {
      lines.push(`**${words.learnings}:**`, '');
      // The text first: a list item that opened with "1. december" would read as a numbered list.
      for (const learning of thread.learnings) lines.push(`- ${escapeInline(learning.text)} (${formatDay(learning.at, facts.language)})`);
      lines.push('');
    }
  }
  return lines;
}

/** “text” — group, place (gathering, day). */
function noteLine(doc: Y.Doc, note: ProcessNote, facts: WorkshopFacts, words: ExportWords): string {
  const gathering = gatheringOfNote(doc, note);
  const group = note.group ? groupName(note.group, facts.language) : words.unknownGroup;
  const place = gathering?.place?.trim() || gathering?.title.trim() || words.unknownPlace;
  // The day is ours (Intl's words), not user text: it is not escaped.
  const title = gathering?.title.trim();
  const details = [title && title !== place ? escapeInline(title) : null, gathering?.date ? formatDay(gathering.date, facts.language) : null].filter(
    (detail): detail is string => Boolean(detail),
  );
  const where = details.length > 0 ? `${escapeInline(place)} (${details.join(', ')})` : escapeInline(place);
  return `“${escapeInline(note.text)}” — ${escapeInline(group)}, ${where}`;
}
