import type * as Y from 'yjs';
import { groupName } from '../domain/groupNames';
import { GROUPS } from '../domain/groups';
import type { Language } from '../domain/languages';
import type { ProcessNote } from '../domain/notes';
import { stepOf } from '../domain/steps';
import type { Thread } from '../domain/threads';
import { votesOf, type Vote } from '../domain/votes';
import type { Block, Quote } from './exportDocument';
import { learningLine, statusWord, threadTitle } from './exportParts';
import { countWords, type ExportWords } from './exportWords';

/** The parts of a gathering's report that look past its steps: its votes' results, and the threads it touched. */

/** Whether a vote belongs to a gathering: opened there, or on one of its steps. */
function isVoteOf(doc: Y.Doc, vote: Vote, gatheringId: string): boolean {
  if (vote.gatheringId === gatheringId) return true;
  return vote.stepId !== null && stepOf(doc, vote.stepId)?.gatheringId === gatheringId;
}

/**
 * Each revealed vote of the gathering as a table: a row per note (those not hidden), a column
 * per stakeholder group that gave dots, and the total; the caption names the vote and how
 * many voted. Only the tally the server wrote is read: no ballot leaves a private document.
 */
export function voteBlocks(doc: Y.Doc, gatheringId: string, notes: readonly ProcessNote[], words: ExportWords, language: Language): Block[] {
  const texts = new Map(notes.map((note) => [note.id, note.text.replace(/\s+/g, ' ').trim()]));
  const votes = votesOf(doc).filter((vote) => vote.state === 'revealed' && vote.tally && isVoteOf(doc, vote, gatheringId));
  if (votes.length === 0) return [];
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: words.votes }];
  for (const vote of votes) {
    const tally = vote.tally;
    if (!tally) continue;
    const shown = tally.notes.filter((note) => texts.has(note.noteId));
    const groups = GROUPS.filter((group) => tally.notes.some((note) => (note.byGroup[group] ?? 0) > 0));
    blocks.push({
      kind: 'table',
      caption: countWords(words, 'voteCaption', tally.voters, { title: vote.title.trim() }),
      columns: [words.note, ...groups.map((group) => groupName(group, language)), words.total],
      rows: shown.map((note) => [texts.get(note.noteId) as string, ...groups.map((group) => note.byGroup[group] ?? 0), note.total]),
    });
  }
  return blocks;
}

/**
 * The threads the gathering touched (one of its notes is linked, or a learning was written
 * there): each with its status, purpose and goal, its notes from the gathering and the
 * learnings written there.
 */
export function threadBlocks(
  threads: readonly Thread[],
  gatheringId: string,
  notesHere: readonly ProcessNote[],
  quoteOf: (note: ProcessNote) => Quote,
  language: Language,
  words: ExportWords,
): Block[] {
  const here = new Map(notesHere.map((note) => [note.id, note]));
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: words.threadsTouched }];
  for (const thread of threads) {
    const notes = thread.noteIds.flatMap((noteId) => here.get(noteId) ?? []);
    const learnings = thread.learnings.filter((learning) => learning.gatheringId === gatheringId);
    if (notes.length === 0 && learnings.length === 0) continue;
    blocks.push(
      { kind: 'heading', level: 3, text: threadTitle(thread, words) },
      {
        kind: 'fields',
        fields: [
          { label: words.status, value: statusWord(thread.status, words) },
          { label: words.purpose, value: thread.purpose.trim() },
          { label: words.goal, value: thread.goal.trim() },
        ].filter((field) => field.value !== ''),
      },
    );
    if (notes.length > 0) blocks.push({ kind: 'heading', level: 4, text: words.notesHere }, { kind: 'quotes', quotes: notes.map(quoteOf) });
    if (learnings.length > 0) {
      blocks.push({ kind: 'heading', level: 4, text: words.learningsHere }, { kind: 'list', items: learnings.map((learning) => [{ text: learningLine(learning, language) }]) });
    }
  }
  if (blocks.length === 1) blocks.push({ kind: 'remark', text: words.noThreadsTouched });
  return blocks;
}
