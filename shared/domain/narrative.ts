import * as Y from 'yjs';
import { narrativeOf, weavesOf } from '../schema';
import {
  markNameOf,
  NARRATIVE_ATTRIBUTE,
  NARRATIVE_NODE,
  SOURCE_MARK,
  sourceLinkFrom,
  weaveFrom,
  type SourceLink,
  type WeaveRecord,
} from './narrativeFormat';

/** A section of the narrative: a heading and the blocks after it until the next heading. */
export interface NarrativeSection {
  /** The heading's section id; null for the text before the first heading. */
  id: string | null;
  heading: string;
  /** The plain text of its blocks (not the heading), blocks joined by newlines. */
  text: string;
  /** Threads woven into it: by passage, or by a source mark anywhere in it. */
  threadIds: string[];
  passageIds: string[];
}

/**
 * A passage of the narrative: what one weave inserted, as it reads now. A quote that was
 * moved out of every passage is read as a passage of its own block, with id `block:<n>`.
 */
export interface Passage {
  id: string;
  threadId: string | null;
  /** The section it sits in now; null before the first heading. */
  sectionId: string | null;
  /** The notes its source marks name now, in reading order, each once. */
  noteIds: string[];
  text: string;
}

/** A source link as found in the text: which note, and where. */
export interface FoundSource extends SourceLink {
  /** The passage node holding it, or null when it sits outside every passage. */
  passageId: string | null;
  sectionId: string | null;
  /** The top-level block it is in (its index in the fragment). */
  block: number;
}

/** Everything the narrative's views read, from one walk over the fragment. */
export interface NarrativeReading {
  sections: NarrativeSection[];
  passages: Passage[];
  sources: FoundSource[];
  /** Plain text: blocks (headings too) joined by newlines. */
  text: string;
  /** Characters of text, not counting the breaks between blocks. */
  characters: number;
}

/** A weave's source link whose quoted text is gone, waiting in the review tray. */
export interface ReviewItem {
  passageId: string;
  noteId: string;
  threadId: string;
  /** The section the weave went into. */
  sectionId: string | null;
  /** Whether the passage itself is still in the text. */
  passagePresent: boolean;
}

/** The text of a node and everything under it; block children are joined by newlines. */
function textOf(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
  if (node instanceof Y.XmlText) {
    return node
      .toDelta()
      .map((op: { insert?: unknown }) => (typeof op.insert === 'string' ? op.insert : ''))
      .join('');
  }
  if (!(node instanceof Y.XmlElement)) return '';
  const children = node.toArray();
  // A paragraph or heading holds text runs; every other element holds blocks.
  const inline = children.every((child) => child instanceof Y.XmlText);
  return children.map(textOf).join(inline ? '' : '\n');
}

/** Source marks under a node, in reading order. */
function sourcesUnder(node: Y.XmlElement | Y.XmlText | Y.XmlHook, into: SourceLink[]): void {
  if (node instanceof Y.XmlText) {
    for (const op of node.toDelta() as Array<{ insert?: unknown; attributes?: Record<string, unknown> }>) {
      if (!op.attributes) continue;
      for (const [key, value] of Object.entries(op.attributes)) {
        if (markNameOf(key) !== SOURCE_MARK) continue;
        const link = sourceLinkFrom(value);
        if (link) into.push(link);
      }
    }
    return;
  }
  if (node instanceof Y.XmlElement) for (const child of node.toArray()) sourcesUnder(child, into);
}

function attribute(element: Y.XmlElement, name: string): string | null {
  const value: unknown = element.getAttribute(name);
  return typeof value === 'string' && value ? value : null;
}

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/** Reads the whole narrative in one walk: sections, passages, source links, text and length. */
export function readNarrative(doc: Y.Doc): NarrativeReading {
  const sections: NarrativeSection[] = [];
  const passages: Passage[] = [];
  const sources: FoundSource[] = [];
  const texts: string[] = [];
  let current: NarrativeSection | null = null;
  const blockTexts = new Map<NarrativeSection, string[]>();
  const threadsOf = new Map<NarrativeSection, string[]>();
  narrativeOf(doc)
    .toArray()
    .forEach((node, block) => {
      const text = textOf(node);
      texts.push(text);
      if (node instanceof Y.XmlElement && node.nodeName === NARRATIVE_NODE.heading) {
        current = { id: attribute(node, NARRATIVE_ATTRIBUTE.sectionId) ?? `heading:${block}`, heading: text, text: '', threadIds: [], passageIds: [] };
        sections.push(current);
        blockTexts.set(current, []);
        threadsOf.set(current, []);
        return;
      }
      if (!current) {
        current = { id: null, heading: '', text: '', threadIds: [], passageIds: [] };
        sections.push(current);
        blockTexts.set(current, []);
        threadsOf.set(current, []);
      }
      const section: NarrativeSection = current;
      blockTexts.get(section)?.push(text);
      const links: SourceLink[] = [];
      sourcesUnder(node, links);
      const isPassage = node instanceof Y.XmlElement && node.nodeName === NARRATIVE_NODE.passage;
      const passageId = isPassage ? (attribute(node, NARRATIVE_ATTRIBUTE.passageId) ?? `block:${block}`) : null;
      for (const link of links) sources.push({ ...link, passageId: isPassage ? passageId : null, sectionId: section.id, block });
      const threadIds = threadsOf.get(section);
      if (isPassage && passageId) {
        const threadId = attribute(node, NARRATIVE_ATTRIBUTE.threadId);
        passages.push({ id: passageId, threadId, sectionId: section.id, noteIds: unique(links.map((link) => link.noteId)), text });
        section.passageIds.push(passageId);
        if (threadId) threadIds?.push(threadId);
      }
      for (const link of links) if (link.threadId) threadIds?.push(link.threadId);
    });
  for (const section of sections) {
    section.text = (blockTexts.get(section) ?? []).join('\n');
    section.threadIds = unique(threadsOf.get(section) ?? []);
  }
  // A section before the first heading counts only when it holds something.
  const kept = sections.filter((section) => section.id !== null || section.text.trim() !== '' || section.passageIds.length > 0);
  return {
    sections: kept,
    passages,
    sources,
    text: texts.join('\n'),
    characters: texts.reduce((sum, text) => sum + text.length, 0),
  };
}

/** The sections of the narrative, in reading order. */
export function sectionsOf(doc: Y.Doc): NarrativeSection[] {
  return readNarrative(doc).sections;
}

/** The passages of the narrative (what weaves inserted), in reading order. */
export function passagesOf(doc: Y.Doc): Passage[] {
  return readNarrative(doc).passages;
}

/**
 * Where a note is quoted: every passage holding a source mark for it, and, for a quote that
 * was moved out of every passage, its block as a passage of its own (`block:<n>`).
 */
export function passagesOfNote(doc: Y.Doc, noteId: string): Passage[] {
  const reading = readNarrative(doc);
  const found: Passage[] = [];
  const seen = new Set<string>();
  for (const source of reading.sources) {
    if (source.noteId !== noteId) continue;
    const id = source.passageId ?? `block:${source.block}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const passage = reading.passages.find((candidate) => candidate.id === source.passageId);
    if (passage) found.push(passage);
    else {
      const inBlock = reading.sources.filter((other) => other.block === source.block);
      const text = textOf(narrativeOf(doc).get(source.block));
      found.push({ id, threadId: source.threadId, sectionId: source.sectionId, noteIds: unique(inBlock.map((other) => other.noteId)), text });
    }
  }
  return found;
}

/** The narrative as plain text: blocks, headings too, joined by newlines. */
export function narrativeText(doc: Y.Doc): string {
  return readNarrative(doc).text;
}

/** Every weave record, by passage id. */
export function weaveRecordsOf(doc: Y.Doc): Map<string, WeaveRecord> {
  const records = new Map<string, WeaveRecord>();
  weavesOf(doc).forEach((value, passageId) => {
    const weave = weaveFrom(value);
    if (weave) records.set(passageId, weave);
  });
  return records;
}

/**
 * Source links whose quoted text is gone and that nobody dismissed. A link holds while its
 * passage still has a source mark for the note; once the passage itself is gone (its
 * boundary deleted, its text merged elsewhere), while a mark for the note and thread remains
 * anywhere.
 */
export function reviewTrayOf(doc: Y.Doc, reading: NarrativeReading = readNarrative(doc)): ReviewItem[] {
  const tray: ReviewItem[] = [];
  const present = new Set(reading.passages.map((passage) => passage.id));
  for (const [passageId, weave] of weaveRecordsOf(doc)) {
    const passagePresent = present.has(passageId);
    for (const noteId of weave.noteIds) {
      if (weave.dismissed.includes(noteId)) continue;
      const holds = reading.sources.some((source) =>
        passagePresent
          ? source.passageId === passageId && source.noteId === noteId
          : source.noteId === noteId && source.threadId === weave.threadId,
      );
      if (!holds) tray.push({ passageId, noteId, threadId: weave.threadId, sectionId: weave.sectionId, passagePresent });
    }
  }
  return tray;
}

/** Lets a lost source link go: it leaves the review tray (the weave keeps the record). */
export function dismissReview(doc: Y.Doc, passageId: string, noteId: string): void {
  doc.transact(() => {
    const weave = weaveFrom(weavesOf(doc).get(passageId));
    if (!weave || weave.dismissed.includes(noteId)) return;
    weavesOf(doc).set(passageId, { ...weave, dismissed: [...weave.dismissed, noteId] });
  });
}
