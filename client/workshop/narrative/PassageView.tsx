import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { NARRATIVE_ATTRIBUTE, SOURCE_MARK, sourceLinkFrom } from '../../../shared/domain/narrativeFormat';
import { PassageMargin } from './PassageMargin';

/** The notes a passage's source marks name, in reading order, each once. */
export function sourceNoteIds(node: ProseMirrorNode): string[] {
  const ids: string[] = [];
  node.descendants((child) => {
    for (const mark of child.marks) {
      if (mark.type.name !== SOURCE_MARK) continue;
      const link = sourceLinkFrom(mark.attrs);
      if (link && !ids.includes(link.noteId)) ids.push(link.noteId);
    }
  });
  return ids;
}

/** A woven passage in the editor: its text, and beside it (under it on a phone) its margin. */
export function PassageView({ node }: ReactNodeViewProps) {
  const passageId: unknown = node.attrs[NARRATIVE_ATTRIBUTE.passageId];
  const threadId: unknown = node.attrs[NARRATIVE_ATTRIBUTE.threadId];
  return (
    <NodeViewWrapper as="section" className="narrative-passage" data-passage-id={typeof passageId === 'string' ? passageId : undefined}>
      <NodeViewContent className="narrative-passage-text" />
      <PassageMargin threadId={typeof threadId === 'string' ? threadId : null} noteIds={sourceNoteIds(node)} />
    </NodeViewWrapper>
  );
}
