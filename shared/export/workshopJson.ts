import * as Y from 'yjs';
import { participantsOf, recordsOf, workshopOf } from '../schema';
import { gatheringOfNote, gatheringsOf } from '../domain/gatherings';
import { isGroup, type Group } from '../domain/groups';
import { isLanguage, type Language } from '../domain/languages';
import { isHiddenRecord } from '../domain/moderation';
import { readNarrative } from '../domain/narrative';
import { processNotesOf, type ProcessNote } from '../domain/notes';
import { allStepsOf } from '../domain/steps';
import { threadsOf, type ThreadStatus } from '../domain/threads';
import { votesOf } from '../domain/votes';

/** The workshop's facts kept by the server (its record), which the document does not hold. */
export interface WorkshopFacts {
  id: string;
  title: string;
  language: Language;
  template: string;
  createdAt: string;
}

/** The contract's JSON export (CONTRACT.md, "The JSON export"). */
export interface WorkshopExport {
  workshop: WorkshopFacts;
  participants: Array<{ id: string; name: string | null; group: Group }>;
  gatherings: Array<{ id: string; title: string; location: string | null; date: string | null }>;
  steps: Array<{ id: string; title: string; prompt: string; durationSec: number; gatheringId: string | null }>;
  notes: Array<{ id: string; text: string; group: Group | null; gatheringId: string | null; threadIds: string[]; votes: number }>;
  threads: Array<{
    id: string;
    title: string;
    purpose: string;
    goal: string;
    owner: string | null;
    status: ThreadStatus;
    noteIds: string[];
    learnings: Array<{ text: string; at: string }>;
  }>;
  narrative: Array<{ id: string | null; heading: string; text: string; threadIds: string[] }>;
}

/**
 * The facts as the document says them now: the title and language the facilitator may have
 * changed on the board win over those the workshop was created with.
 */
export function currentFacts(doc: Y.Doc, stored: WorkshopFacts): WorkshopFacts {
  const workshop = workshopOf(doc);
  const title = workshop.get('title');
  const language = workshop.get('language');
  return {
    ...stored,
    title: typeof title === 'string' && title.trim() ? title : stored.title,
    language: isLanguage(language) ? language : stored.language,
  };
}

/** The notes that leave the room: every note the facilitator has not hidden. */
export function exportedNotes(doc: Y.Doc): ProcessNote[] {
  const records = recordsOf(doc);
  return processNotesOf(doc).filter((note) => {
    const record = records.get(note.id);
    return !(record instanceof Y.Map && isHiddenRecord({ meta: record.get('meta') }));
  });
}

/** Dots each note got, summed over every revealed vote (ballots never leave private documents). */
export function dotsByNote(doc: Y.Doc): Map<string, number> {
  const dots = new Map<string, number>();
  for (const vote of votesOf(doc)) {
    if (vote.state !== 'revealed' || !vote.tally) continue;
    for (const note of vote.tally.notes) dots.set(note.noteId, (dots.get(note.noteId) ?? 0) + note.total);
  }
  return dots;
}

/** The whole workshop as the contract's JSON: what a municipality archives. */
export function workshopExport(doc: Y.Doc, stored: WorkshopFacts): WorkshopExport {
  const notes = exportedNotes(doc);
  const shown = new Set(notes.map((note) => note.id));
  const threads = threadsOf(doc);
  const dots = dotsByNote(doc);
  const threadIdsByNote = new Map<string, string[]>();
  for (const thread of threads) {
    for (const noteId of thread.noteIds) threadIdsByNote.set(noteId, [...(threadIdsByNote.get(noteId) ?? []), thread.id]);
  }
  const participants: WorkshopExport['participants'] = [];
  participantsOf(doc).forEach((value, id) => {
    const listed = value as { name?: unknown; group?: unknown } | null;
    if (!listed || !isGroup(listed.group)) return;
    participants.push({ id, name: typeof listed.name === 'string' ? listed.name : null, group: listed.group });
  });
  const gatherings = gatheringsOf(doc);
  // Steps in the order they are run: gathering by gathering, each gathering's in its order.
  const gatheringOrder = new Map(gatherings.map((gathering, index) => [gathering.id, index]));
  const steps = allStepsOf(doc)
    .map((step, index) => ({ step, index }))
    .sort((a, b) => (gatheringOrder.get(a.step.gatheringId) ?? gatherings.length) - (gatheringOrder.get(b.step.gatheringId) ?? gatherings.length) || a.index - b.index)
    .map(({ step }) => step);
  return {
    workshop: currentFacts(doc, stored),
    participants,
    gatherings: gatherings.map((gathering) => ({
      id: gathering.id,
      title: gathering.title,
      location: gathering.place,
      date: gathering.date,
    })),
    steps: steps.map((step) => ({
      id: step.id,
      title: step.title,
      prompt: step.prompt,
      durationSec: step.durationSec,
      gatheringId: step.gatheringId || null,
    })),
    notes: notes.map((note) => ({
      id: note.id,
      text: note.text,
      group: note.group,
      gatheringId: gatheringOfNote(doc, note)?.id ?? null,
      threadIds: threadIdsByNote.get(note.id) ?? [],
      votes: dots.get(note.id) ?? 0,
    })),
    threads: threads.map((thread) => ({
      id: thread.id,
      title: thread.title,
      purpose: thread.purpose,
      goal: thread.goal,
      owner: thread.owner,
      status: thread.status,
      noteIds: thread.noteIds.filter((noteId) => shown.has(noteId)),
      learnings: thread.learnings.map((learning) => ({ text: learning.text, at: new Date(learning.at).toISOString() })),
    })),
    narrative: readNarrative(doc).sections.map((section) => ({
      id: section.id,
      heading: section.heading,
      text: section.text,
      threadIds: section.threadIds,
    })),
  };
}

/**
 * One gathering's part of the contract's JSON (`&gathering=` with `format=json`): the workshop,
 * its participants and narrative whole; the gathering, its steps and notes; the threads that
 * hold one of its notes, each with only those notes. Null when there is no such gathering.
 */
export function gatheringExport(doc: Y.Doc, stored: WorkshopFacts, gatheringId: string): WorkshopExport | null {
  const whole = workshopExport(doc, stored);
  const gatherings = whole.gatherings.filter((gathering) => gathering.id === gatheringId);
  if (gatherings.length === 0) return null;
  const notes = whole.notes.filter((note) => note.gatheringId === gatheringId);
  const noteIds = new Set(notes.map((note) => note.id));
  const threads = whole.threads
    .map((thread) => ({ ...thread, noteIds: thread.noteIds.filter((noteId) => noteIds.has(noteId)) }))
    .filter((thread) => thread.noteIds.length > 0);
  const threadIds = new Set(threads.map((thread) => thread.id));
  return {
    ...whole,
    gatherings,
    steps: whole.steps.filter((step) => step.gatheringId === gatheringId),
    notes: notes.map((note) => ({ ...note, threadIds: note.threadIds.filter((threadId) => threadIds.has(threadId)) })),
    threads,
  };
}
