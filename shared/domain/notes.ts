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

/** Nodes of rich text whose children are blocks of their own (one line each). */
const BLOCK_CONTAINERS: ReadonlySet<unknown> = new Set(['doc', 'bulletList', 'orderedList', 'listItem', 'blockquote']);

/**
 * Plain text of tldraw rich text (a TipTap JSON document): blocks (paragraphs, list items,
 * quoted paragraphs) joined by newlines, a hard line break as a newline.
 */
export function plainText(richText: unknown): string {
  const blocks: string[][] = [];
  // Depth first over an explicit stack, so a deeply nested document cannot overflow the call
  // stack; each entry names the block its text goes to (-1: each child starts its own).
  const stack: Array<[node: unknown, block: number]> = [[richText, -1]];
  while (stack.length > 0) {
    const [node, into] = stack.pop() as [unknown, number];
    if (!isObject(node)) continue;
    const container = BLOCK_CONTAINERS.has(node.type);
    let block = into;
    if (!container && block < 0) block = blocks.push([]) - 1;
    if (block >= 0 && node.type === 'hardBreak') blocks[block].push('\n');
    if (block >= 0 && typeof node.text === 'string') blocks[block].push(node.text);
    if (Array.isArray(node.content)) {
      for (let index = node.content.length - 1; index >= 0; index--) stack.push([node.content[index], container ? -1 : block]);
    }
  }
  return blocks
    .map((parts) => parts.join(''))
    .filter((block) => block.length > 0)
    .join('\n');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
  const storedMeta = field(record, 'meta');
  const storedProps = field(record, 'props');
  const meta = isObject(storedMeta) ? storedMeta : {};
  const props = isObject(storedProps) ? storedProps : {};
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
