import * as Y from 'yjs';
import { recordsOf } from '../schema';
import { isGroup, type Group } from './groups';

/** A note as the process reads it: who wrote it, where, and its text as plain text. */
export interface ProcessNote {
  id: string;
  text: string;
  group: Group | null;
  participantId: string | null;
  /** The page the note is on (through any frames). */
  pageId: string | null;
  /** The note's gathering as its meta says; see gatheringOfNote for the page's. */
  gatheringId: string | null;
}

/** Plain text of tldraw rich text (a TipTap JSON document): paragraphs joined by newlines. */
export function plainText(richText: unknown): string {
  const blocks: string[] = [];
  const walk = (node: unknown, into: string[]): void => {
    if (typeof node !== 'object' || node === null) return;
    const value = node as { type?: unknown; text?: unknown; content?: unknown };
    if (typeof value.text === 'string') into.push(value.text);
    if (Array.isArray(value.content)) {
      if (value.type === 'doc' || value.type === 'bulletList' || value.type === 'orderedList' || value.type === 'listItem') {
        for (const child of value.content) {
          const part: string[] = [];
          walk(child, part);
          if (part.length) blocks.push(part.join(''));
        }
      } else for (const child of value.content) walk(child, into);
    }
  };
  if (typeof richText === 'object' && richText !== null && (richText as { type?: unknown }).type === 'doc') walk(richText, []);
  else {
    const part: string[] = [];
    walk(richText, part);
    if (part.length) blocks.push(part.join(''));
  }
  return blocks.join('\n');
}

function field(record: Y.Map<unknown>, name: string): unknown {
  return record.get(name);
}

/** The page a shape sits on, following its parents (frames, groups) up to the page. */
export function pageOfRecord(doc: Y.Doc, id: string): string | null {
  const records = recordsOf(doc);
  let current: string | undefined = id;
  for (let depth = 0; depth < 64 && current; depth++) {
    if (current.startsWith('page:')) return current;
    const record = records.get(current);
    if (!(record instanceof Y.Map)) return null;
    const parent = field(record, 'parentId');
    current = typeof parent === 'string' ? parent : undefined;
  }
  return null;
}

function noteFrom(doc: Y.Doc, id: string, record: Y.Map<unknown>): ProcessNote | null {
  if (field(record, 'typeName') !== 'shape' || field(record, 'type') !== 'note') return null;
  const meta = (field(record, 'meta') ?? {}) as Record<string, unknown>;
  const props = (field(record, 'props') ?? {}) as Record<string, unknown>;
  return {
    id,
    text: typeof props.text === 'string' ? props.text : plainText(props.richText),
    group: isGroup(meta.group) ? meta.group : null,
    participantId: typeof meta.participantId === 'string' ? meta.participantId : null,
    pageId: pageOfRecord(doc, id),
    gatheringId: typeof meta.gatheringId === 'string' ? meta.gatheringId : null,
  };
}

/** Every note of the workshop, in no particular order. */
export function processNotesOf(doc: Y.Doc): ProcessNote[] {
  const notes: ProcessNote[] = [];
  recordsOf(doc).forEach((record, id) => {
    if (!(record instanceof Y.Map)) return;
    const note = noteFrom(doc, id, record);
    if (note) notes.push(note);
  });
  return notes;
}

/** One note by id, or undefined when there is no such note. */
export function processNoteOf(doc: Y.Doc, id: string): ProcessNote | undefined {
  const record = recordsOf(doc).get(id);
  return record instanceof Y.Map ? (noteFrom(doc, id, record) ?? undefined) : undefined;
}
