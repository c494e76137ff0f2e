import type { Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { newId } from '../../../shared/domain/ids';
import { NARRATIVE_ATTRIBUTE, NARRATIVE_NODE, SECTION_HEADING_LEVEL, type NarrativeNodeJSON } from '../../../shared/domain/narrativeFormat';

/**
 * Where a section ends in the editor's document: just before the next heading, or at the
 * end. `null` is the text before the first heading. A section that is gone ends the document.
 */
export function sectionEnd(doc: ProseMirrorNode, sectionId: string | null): number {
  let inSection = sectionId === null;
  let end: number | null = null;
  doc.forEach((node, offset) => {
    if (end !== null || node.type.name !== NARRATIVE_NODE.heading) return;
    if (inSection) end = offset;
    else if (node.attrs[NARRATIVE_ATTRIBUTE.sectionId] === sectionId) inSection = true;
  });
  return end ?? doc.content.size;
}

/** Where a passage's content ends (inside it), or null when it is not in the document. */
export function passageEnd(doc: ProseMirrorNode, passageId: string): number | null {
  let end: number | null = null;
  doc.forEach((node, offset) => {
    if (end === null && node.type.name === NARRATIVE_NODE.passage && node.attrs[NARRATIVE_ATTRIBUTE.passageId] === passageId) {
      end = offset + node.nodeSize - 1;
    }
  });
  return end;
}

/**
 * Inserts a block at the end of a section. An empty paragraph that ends the section (the one
 * a new heading leaves) is filled rather than left above the insertion.
 */
export function insertAtSectionEnd(editor: Editor, sectionId: string | null, block: NarrativeNodeJSON): boolean {
  const doc = editor.state.doc;
  const end = sectionEnd(doc, sectionId);
  const before = doc.resolve(end).nodeBefore;
  if (before && before.type.name === NARRATIVE_NODE.paragraph && before.content.size === 0) {
    return editor.chain().insertContentAt({ from: end - before.nodeSize, to: end }, block).run();
  }
  return editor.chain().insertContentAt(end, block).run();
}

/**
 * Where a lost quote's attribution stands alone in its passage, as deleting the quoted words
 * leaves it: the range of that paragraph, or null.
 */
function orphanAttribution(doc: ProseMirrorNode, passageId: string, attribution: string): { from: number; to: number } | null {
  if (!attribution) return null;
  let found: { from: number; to: number } | null = null;
  doc.forEach((node, offset) => {
    if (found || node.type.name !== NARRATIVE_NODE.passage || node.attrs[NARRATIVE_ATTRIBUTE.passageId] !== passageId) return;
    node.forEach((child, childOffset) => {
      if (found || child.type.name !== NARRATIVE_NODE.paragraph || child.textContent.trim() !== `(${attribution})`) return;
      const from = offset + 1 + childOffset;
      found = { from, to: from + child.nodeSize };
    });
  });
  return found;
}

/**
 * Puts a lost quote back: in place of its attribution left alone in the passage, else at the
 * end of its passage, or of its section when the passage is gone.
 */
export function restoreQuote(editor: Editor, passageId: string, sectionId: string | null, quote: NarrativeNodeJSON, attribution: string): boolean {
  const orphan = orphanAttribution(editor.state.doc, passageId, attribution);
  if (orphan) return editor.chain().insertContentAt(orphan, quote).run();
  const end = passageEnd(editor.state.doc, passageId);
  if (end !== null) return editor.chain().insertContentAt(end, quote).run();
  return insertAtSectionEnd(editor, sectionId, quote);
}

/** A new section: its heading, and a paragraph to write in. */
export function newSection(title: string): NarrativeNodeJSON[] {
  return [
    {
      type: NARRATIVE_NODE.heading,
      attrs: { level: SECTION_HEADING_LEVEL, [NARRATIVE_ATTRIBUTE.sectionId]: newId('section') },
      content: title ? [{ type: 'text', text: title }] : [],
    },
    { type: NARRATIVE_NODE.paragraph },
  ];
}
