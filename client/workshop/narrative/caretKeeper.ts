import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import { relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';

/** What the collaboration binding keeps of the selection while a remote change is applied. */
interface BindingSelection {
  type: unknown;
  anchor: unknown;
  head: unknown;
  absAnchor: number;
  absHead: number;
}

interface SyncState {
  isChangeOrigin?: boolean;
  binding?: { doc: Y.Doc; type: Y.XmlFragment; mapping: Parameters<typeof relativePositionToAbsolutePosition>[3]; beforeTransactionSelection: BindingSelection | null };
}

/** The child indices that lead to the text block around `position`, or null outside one. */
function textblockPath(doc: ProseMirrorNode, position: number): number[] | null {
  if (position < 0 || position > doc.content.size) return null;
  const resolved = doc.resolve(position);
  if (!resolved.parent.isTextblock) return null;
  const path: number[] = [];
  for (let depth = 0; depth < resolved.depth; depth++) path.push(resolved.index(depth));
  return path;
}

function samePath(a: number[] | null, b: number[] | null): boolean {
  return a !== null && b !== null && a.length === b.length && a.every((index, at) => index === b[at]);
}

/**
 * Keeps a person's caret where it belongs while someone else types in the same paragraph.
 *
 * y-tiptap 3.0.9 places the caret after a remote change by its Yjs relative position, but
 * second-guesses it whenever the paragraph's text changed: inside a block with attributes of
 * its own (a passage, a section heading) it then puts the caret back at its old offset, so
 * every letter the other person types before it pushes one's own typing one letter back and
 * the two texts interleave. When the text block is the same one (same path) before and
 * after, only its text changed and the Yjs position is right: this plugin restores it.
 */
export const CaretKeeper = Extension.create({
  name: 'caretKeeper',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('caretKeeper'),
        appendTransaction(transactions, oldState, newState) {
          const remote = transactions.find((transaction) => (transaction.getMeta(ySyncPluginKey) as SyncState | undefined)?.isChangeOrigin);
          if (!remote || !(oldState.selection instanceof TextSelection)) return null;
          const binding = (ySyncPluginKey.getState(newState) as SyncState | undefined)?.binding;
          const before = binding?.beforeTransactionSelection;
          if (!binding || !before || before.type !== 'text') return null;
          const anchor = relativePositionToAbsolutePosition(binding.doc, binding.type, before.anchor, binding.mapping);
          const head = relativePositionToAbsolutePosition(binding.doc, binding.type, before.head, binding.mapping);
          if (anchor === null || head === null) return null;
          const doc = newState.doc;
          if (!samePath(textblockPath(oldState.doc, oldState.selection.anchor), textblockPath(doc, anchor))) return null;
          if (!samePath(textblockPath(oldState.doc, oldState.selection.head), textblockPath(doc, head))) return null;
          if (newState.selection.anchor === anchor && newState.selection.head === head) return null;
          return newState.tr.setSelection(TextSelection.create(doc, anchor, head)).setMeta('addToHistory', false);
        },
      }),
    ];
  },
});
