import * as Y from 'yjs';
import { markNameOf, NARRATIVE_NODE, SOURCE_MARK, sourceLinkFrom, type SourceLink } from '../domain/narrativeFormat';
import { narrativeOf } from '../schema';
import type { Block, Inline } from './exportDocument';

/**
 * The narrative's text as blocks of a document: each heading a heading, each paragraph a
 * paragraph (inside a passage too), each bullet list a list, with a footnote mark right
 * after each quote of a note, as the source marks of the editor's text say.
 */

/** The footnote of a quote, or null when the note it names does not leave the room (hidden, deleted). */
export type FootnoteOf = (link: SourceLink) => number | null;

type Node = Y.XmlElement | Y.XmlText | Y.XmlHook;

function linkKey(link: SourceLink): string {
  return `${link.threadId ?? ''}\u0000${link.noteId}`;
}

/** The text runs of a paragraph (or any inline content), with footnote marks after quotes. */
function inlineOf(nodes: readonly Node[], footnoteOf: FootnoteOf): Inline[] {
  const content: Inline[] = [];
  let pending: SourceLink | null = null;
  const flush = () => {
    if (!pending) return;
    const footnote = footnoteOf(pending);
    if (footnote !== null) content.push({ footnote });
    pending = null;
  };
  const push = (text: string, strong: boolean, link: SourceLink | null) => {
    if (pending && (!link || linkKey(pending) !== linkKey(link))) flush();
    pending = link;
    const last = content.at(-1);
    if (last && 'text' in last && Boolean(last.strong) === strong) last.text += text;
    else content.push(strong ? { text, strong: true } : { text });
  };
  for (const node of nodes) {
    if (node instanceof Y.XmlText) {
      for (const op of node.toDelta() as Array<{ insert?: unknown; attributes?: Record<string, unknown> }>) {
        if (typeof op.insert !== 'string' || op.insert.length === 0) continue;
        let link: SourceLink | null = null;
        let strong = false;
        for (const [key, value] of Object.entries(op.attributes ?? {})) {
          const mark = markNameOf(key);
          if (mark === SOURCE_MARK) link = sourceLinkFrom(value) ?? link;
          else if (mark === 'bold') strong = true;
        }
        push(op.insert, strong, link);
      }
    } else if (node instanceof Y.XmlElement) {
      // A hard break, or any inline node the schema may grow: its text on the same line.
      if (node.nodeName === 'hardBreak') push(' ', false, null);
      else for (const run of inlineOf(node.toArray(), footnoteOf)) content.push(run);
    }
  }
  flush();
  return content;
}

function isEmpty(content: readonly Inline[]): boolean {
  return content.every((run) => 'text' in run && run.text.trim() === '');
}

/** A block node (not a heading) as document blocks. */
function blocksOf(node: Node, footnoteOf: FootnoteOf): Block[] {
  if (node instanceof Y.XmlText) {
    const content = inlineOf([node], footnoteOf);
    return isEmpty(content) ? [] : [{ kind: 'paragraph', content }];
  }
  if (!(node instanceof Y.XmlElement)) return [];
  const children = node.toArray();
  if (node.nodeName === NARRATIVE_NODE.paragraph || node.nodeName === NARRATIVE_NODE.heading) {
    const content = inlineOf(children, footnoteOf);
    return isEmpty(content) ? [] : [{ kind: 'paragraph', content }];
  }
  if (node.nodeName === NARRATIVE_NODE.bulletList) {
    const items = children.flatMap((item) => {
      // An item's paragraphs (and any list inside it) read as one line of the list.
      const content = blocksOf(item, footnoteOf).flatMap((block, index): Inline[] => {
        const runs = block.kind === 'paragraph' ? block.content : block.kind === 'list' ? block.items.flatMap((inner) => [{ text: ' ' }, ...inner]) : [];
        return index > 0 && block.kind === 'paragraph' ? [{ text: ' ' }, ...runs] : runs;
      });
      return isEmpty(content) ? [] : [content];
    });
    return items.length > 0 ? [{ kind: 'list', items }] : [];
  }
  // A passage, a list item or any other container: its blocks in order.
  return children.flatMap((child) => blocksOf(child, footnoteOf));
}

/** The plain text of a heading, on one line (its marks dropped: a heading is plain words). */
function headingText(node: Y.XmlElement): string {
  return inlineOf(node.toArray(), () => null)
    .map((run) => ('text' in run ? run.text : ''))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The narrative's blocks in reading order. Text before the first heading gets the heading
 * `beforeFirstHeading`, and a heading without words gets it too, so every section has a name.
 */
export function narrativeBlocks(doc: Y.Doc, beforeFirstHeading: string, footnoteOf: FootnoteOf): Block[] {
  const blocks: Block[] = [];
  let inSection = false;
  for (const node of narrativeOf(doc).toArray()) {
    if (node instanceof Y.XmlElement && node.nodeName === NARRATIVE_NODE.heading) {
      blocks.push({ kind: 'heading', level: 2, text: headingText(node) || beforeFirstHeading });
      inSection = true;
      continue;
    }
    const content = blocksOf(node, footnoteOf);
    if (content.length === 0) continue;
    if (!inSection) blocks.push({ kind: 'heading', level: 2, text: beforeFirstHeading });
    inSection = true;
    blocks.push(...content);
  }
  return blocks;
}
