/**
 * The shape of the narrative in the document: the names the rich-text editor writes and the
 * domain reads. The editor is tiptap bound to `narrativeOf(doc)` through y-tiptap, which
 * stores a node as a Y.XmlElement named after the node type, with the node's attributes as
 * element attributes, and an exclusive mark as a formatting attribute of Y.XmlText keyed by
 * the mark's name, whose value is the mark's attributes.
 *
 * - A section is a `heading` node (level 2) carrying `sectionId`, and the blocks after it
 *   until the next heading.
 * - A passage is a `passage` block node (`passageId`, `threadId`) holding paragraphs: what
 *   one weave inserted.
 * - A source link is a `source` mark (`noteId`, `threadId`) on quoted text, exclusive (one
 *   per character), so it moves with the text through concurrent edits.
 */

/** Node and mark names of the narrative editor's schema. */
export const NARRATIVE_NODE = {
  heading: 'heading',
  paragraph: 'paragraph',
  passage: 'passage',
  bulletList: 'bulletList',
  listItem: 'listItem',
} as const;

/** The mark that links quoted text to its source note. */
export const SOURCE_MARK = 'source';

/** The heading level that starts a section. */
export const SECTION_HEADING_LEVEL = 2;

/** Attribute names, on headings, passages and source marks. */
export const NARRATIVE_ATTRIBUTE = {
  sectionId: 'sectionId',
  passageId: 'passageId',
  threadId: 'threadId',
  noteId: 'noteId',
  level: 'level',
} as const;

/** Most source notes one weave quotes. */
export const MAX_PASSAGE_SOURCES = 5;

/** Longest quote of a note in a drafted passage, in characters. */
export const MAX_QUOTE_CHARS = 200;

/** What a source mark says. */
export interface SourceLink {
  noteId: string;
  threadId: string | null;
}

/** A record of one weave of a thread into the narrative, kept under `weaves` by passage id. */
export interface WeaveRecord {
  threadId: string;
  /** The notes the passage quoted when it was woven (one to five). */
  noteIds: string[];
  /** The section it was woven into, or null for the text before the first heading. */
  sectionId: string | null;
  /** When (milliseconds since 1970). */
  at: number;
  /** The participant who wove it; null for the facilitator. */
  by: string | null;
  /** Source links whose deleted text someone decided to let go. */
  dismissed: string[];
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** A stored weave record, or null when the value is not one. */
export function weaveFrom(value: unknown): WeaveRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  const weave = value as Record<string, unknown>;
  if (typeof weave.threadId !== 'string') return null;
  return {
    threadId: weave.threadId,
    noteIds: strings(weave.noteIds).slice(0, MAX_PASSAGE_SOURCES),
    sectionId: typeof weave.sectionId === 'string' ? weave.sectionId : null,
    at: typeof weave.at === 'number' ? weave.at : 0,
    by: typeof weave.by === 'string' ? weave.by : null,
    dismissed: strings(weave.dismissed),
  };
}

/** A source link from a mark's stored attributes, or null when they are not one. */
export function sourceLinkFrom(value: unknown): SourceLink | null {
  if (typeof value !== 'object' || value === null) return null;
  const attributes = value as Record<string, unknown>;
  if (typeof attributes.noteId !== 'string' || !attributes.noteId) return null;
  return { noteId: attributes.noteId, threadId: typeof attributes.threadId === 'string' ? attributes.threadId : null };
}

/**
 * A mark's name from a Y.XmlText formatting key: overlapping marks are stored as
 * `name--hash`, exclusive ones under their name.
 */
export function markNameOf(key: string): string {
  const at = key.indexOf('--');
  return at < 0 ? key : key.slice(0, at);
}

/** ProseMirror JSON of an inline text run, with its marks. */
export interface NarrativeTextJSON {
  type: 'text';
  text: string;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
}

/** ProseMirror JSON of a narrative node, as the editor inserts it. */
export interface NarrativeNodeJSON {
  type: string;
  attrs?: Record<string, unknown>;
  content?: Array<NarrativeNodeJSON | NarrativeTextJSON>;
}
