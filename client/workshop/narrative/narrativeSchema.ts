import { Extension, Mark, mergeAttributes, Node, type AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import {
  NARRATIVE_ATTRIBUTE,
  NARRATIVE_NODE,
  SECTION_HEADING_LEVEL,
  SOURCE_MARK,
} from '../../../shared/domain/narrativeFormat';

/**
 * The narrative editor's schema as tiptap extensions, without any view: the editor, the
 * readers' view and the unit tests build the same ProseMirror schema from it, so what the
 * domain reads (shared/domain/narrativeFormat.ts) is what the editor writes.
 */

function dataAttribute(name: string, dataName: string, keepOnSplit: boolean) {
  return {
    [name]: {
      default: null,
      keepOnSplit,
      parseHTML: (element: HTMLElement) => element.getAttribute(dataName),
      renderHTML: (attributes: Record<string, unknown>) => (attributes[name] ? { [dataName]: attributes[name] } : {}),
    },
  };
}

/** A section heading carries its section id; a heading split in two gives the new half none. */
const SectionIds = Extension.create({
  name: 'sectionIds',
  addGlobalAttributes() {
    return [{ types: [NARRATIVE_NODE.heading], attributes: dataAttribute(NARRATIVE_ATTRIBUTE.sectionId, 'data-section-id', false) }];
  },
});

/** What one weave inserted: paragraphs, with the thread it came from. */
export const PassageNode = Node.create({
  name: NARRATIVE_NODE.passage,
  group: 'block',
  content: `(${NARRATIVE_NODE.paragraph} | ${NARRATIVE_NODE.bulletList})+`,
  defining: true,
  addAttributes() {
    return {
      ...dataAttribute(NARRATIVE_ATTRIBUTE.passageId, 'data-passage-id', false),
      ...dataAttribute(NARRATIVE_ATTRIBUTE.threadId, 'data-thread-id', true),
    };
  },
  parseHTML() {
    return [{ tag: 'section[data-passage-id]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['section', mergeAttributes(HTMLAttributes, { class: 'narrative-passage' }), 0];
  },
});

/**
 * A link from quoted text to its source note. Exclusive (ProseMirror's default: a mark
 * excludes its own kind), so y-tiptap stores it under its plain name; not inclusive, so
 * text typed after a quote is not taken for part of it.
 */
export const SourceMark = Mark.create({
  name: SOURCE_MARK,
  inclusive: false,
  addAttributes() {
    return {
      ...dataAttribute(NARRATIVE_ATTRIBUTE.noteId, 'data-note-id', true),
      ...dataAttribute(NARRATIVE_ATTRIBUTE.threadId, 'data-thread-id', true),
    };
  },
  parseHTML() {
    return [{ tag: 'q[data-note-id]' }, { tag: 'span[data-note-id]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { class: 'narrative-source' }), 0];
  },
});

/**
 * The extensions that make the narrative's schema: paragraphs, section headings (level 2),
 * bold, italic, bullet lists, hard breaks, passages and source marks. Undo comes from the
 * collaboration extension, which undoes one's own edits only.
 *
 * @param passage the passage node: the editor gives one with its margin view, of the same schema.
 */
export function narrativeSchemaExtensions(passage: Node = PassageNode): AnyExtension[] {
  return [
    StarterKit.configure({
      heading: { levels: [SECTION_HEADING_LEVEL] },
      undoRedo: false,
      blockquote: false,
      code: false,
      codeBlock: false,
      horizontalRule: false,
      orderedList: false,
      strike: false,
      underline: false,
      link: false,
      trailingNode: false,
    }),
    SectionIds,
    passage,
    SourceMark,
  ];
}
