import type * as Y from 'yjs';
import { gatheringOfNote } from './gatherings';
import { GROUPS, type Group } from './groups';
import { readNarrative, type NarrativeReading } from './narrative';
import { processNotesOf, type ProcessNote } from './notes';
import { threadsOf, type Thread } from './threads';

/** Characters of a standard page. */
export const PAGE_CHARS = 2_400;
/** The narrative's target length, in standard pages. */
export const TARGET_PAGES = { min: 2, max: 5 } as const;
/** Below this ratio of woven share to written share a group or place is underheard. */
export const SHARE_WARNING_BELOW = 0.8;

/** How one group's or one place's voice is carried into the narrative. */
export interface ShareRow<Key> {
  key: Key;
  /** Notes written. */
  written: number;
  /** Of those, notes a source mark in the narrative names. */
  woven: number;
  /** Share of the woven notes ÷ share of the notes written; null while nothing is woven. */
  ratio: number | null;
  /** True when the ratio is below SHARE_WARNING_BELOW. */
  warning: boolean;
}

/** The narrative's length against its target and every voice's share in it. */
export interface NarrativeMeter {
  characters: number;
  pages: number;
  /** Below, within or above the two-to-five-page target. */
  length: 'short' | 'within' | 'long';
  writtenNotes: number;
  wovenNotes: number;
  /** Every stakeholder group that wrote notes, in the groups' order. */
  groups: ShareRow<Group>[];
  /** Every place that notes were written at, by name; null for notes of no place. */
  places: ShareRow<string | null>[];
}

/** A note's place: its gathering's place, or null. */
export function placeOfNote(doc: Y.Doc, note: ProcessNote): string | null {
  return gatheringOfNote(doc, note)?.place ?? null;
}

/** The ids of notes a source mark in the narrative names (and that still exist). */
export function wovenNoteIds(doc: Y.Doc, reading: NarrativeReading = readNarrative(doc)): Set<string> {
  return new Set(reading.sources.map((source) => source.noteId));
}

function shareRows<Key>(keys: readonly Key[], notes: readonly ProcessNote[], keyOf: (note: ProcessNote) => Key, woven: Set<string>): ShareRow<Key>[] {
  const wovenTotal = notes.filter((note) => woven.has(note.id)).length;
  return keys.map((key) => {
    const mine = notes.filter((note) => keyOf(note) === key);
    const wovenMine = mine.filter((note) => woven.has(note.id)).length;
    const ratio = wovenTotal === 0 || mine.length === 0 ? null : wovenMine / wovenTotal / (mine.length / notes.length);
    return { key, written: mine.length, woven: wovenMine, ratio, warning: ratio !== null && ratio < SHARE_WARNING_BELOW };
  });
}

/** Measures the narrative: its length in pages and each group's and place's share of the woven notes. */
export function narrativeMeter(doc: Y.Doc, reading: NarrativeReading = readNarrative(doc)): NarrativeMeter {
  const notes = processNotesOf(doc);
  const woven = wovenNoteIds(doc, reading);
  const pages = reading.characters / PAGE_CHARS;
  const groupKeys = GROUPS.filter((group) => notes.some((note) => note.group === group));
  const places = new Map(notes.map((note) => [note.id, placeOfNote(doc, note)]));
  const placeKeys = [...new Set(places.values())].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
  return {
    characters: reading.characters,
    pages,
    length: pages < TARGET_PAGES.min ? 'short' : pages > TARGET_PAGES.max ? 'long' : 'within',
    writtenNotes: notes.length,
    wovenNotes: notes.filter((note) => woven.has(note.id)).length,
    groups: shareRows(groupKeys, notes.filter((note) => note.group !== null), (note) => note.group as Group, woven),
    places: shareRows(placeKeys, notes, (note) => places.get(note.id) ?? null, woven),
  };
}

/** Notes not yet woven that share a group and a place. */
export interface NotWovenBunch {
  group: Group | null;
  place: string | null;
  notes: ProcessNote[];
}

/** What is not yet in the narrative: notes by group and place, and threads. */
export interface NotWoven {
  notes: NotWovenBunch[];
  /** Threads with no passage and no quote in the narrative. */
  threads: Thread[];
}

/** The notes and threads not yet woven, notes bunched by group and place (groups' order, then place). */
export function notWovenOf(doc: Y.Doc, reading: NarrativeReading = readNarrative(doc)): NotWoven {
  const woven = wovenNoteIds(doc, reading);
  const bunches = new Map<string, NotWovenBunch>();
  for (const note of processNotesOf(doc)) {
    if (woven.has(note.id) || note.text.trim() === '') continue;
    const place = placeOfNote(doc, note);
    const key = `${note.group ?? ''}\u0000${place ?? ''}`;
    let bunch = bunches.get(key);
    if (!bunch) bunches.set(key, (bunch = { group: note.group, place, notes: [] }));
    bunch.notes.push(note);
  }
  const groupOrder = (group: Group | null): number => (group === null ? GROUPS.length : GROUPS.indexOf(group));
  const notes = [...bunches.values()].sort(
    (a, b) => groupOrder(a.group) - groupOrder(b.group) || (a.place ?? '\uffff').localeCompare(b.place ?? '\uffff'),
  );
  const wovenThreads = new Set<string>();
  for (const passage of reading.passages) if (passage.threadId) wovenThreads.add(passage.threadId);
  for (const source of reading.sources) if (source.threadId) wovenThreads.add(source.threadId);
  return { notes, threads: threadsOf(doc).filter((thread) => !wovenThreads.has(thread.id)) };
}
