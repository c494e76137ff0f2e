import { Extension } from '@tiptap/core';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { yCursorPlugin } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';
import { newId } from '../../../shared/domain/ids';
import { NARRATIVE_ATTRIBUTE, NARRATIVE_NODE } from '../../../shared/domain/narrativeFormat';

/**
 * Gives every section heading an id of its own: a new heading, one split off another, or a
 * pasted copy of one. Only after this person's own edits, never after a remote change, so
 * two editors never both rename the same heading.
 */
export const SectionIdKeeper = Extension.create({
  name: 'sectionIdKeeper',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('sectionIdKeeper'),
        appendTransaction(transactions, _oldState, state) {
          if (!transactions.some((transaction) => transaction.docChanged && !isChangeOrigin(transaction))) return null;
          const seen = new Set<string>();
          let fix = state.tr;
          let changed = false;
          state.doc.forEach((node, offset) => {
            if (node.type.name !== NARRATIVE_NODE.heading) return;
            const id: unknown = node.attrs[NARRATIVE_ATTRIBUTE.sectionId];
            if (typeof id === 'string' && id && !seen.has(id)) {
              seen.add(id);
              return;
            }
            fix = fix.setNodeMarkup(offset, undefined, { ...node.attrs, [NARRATIVE_ATTRIBUTE.sectionId]: newId('section') });
            changed = true;
          });
          return changed ? fix.setMeta('addToHistory', false) : null;
        },
      }),
    ];
  },
});

/** Black or white, whichever reads better on `background` (a #rrggbb colour). */
export function inkOn(background: string): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background);
  if (!match) return '#ffffff';
  const channel = (hex: string): number => {
    const value = parseInt(hex, 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(match[1]) + 0.7152 * channel(match[2]) + 0.0722 * channel(match[3]);
  // Contrast against white is 1.05 / (L + 0.05), against black (L + 0.05) / 0.05.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? '#ffffff' : '#1d1d1f';
}

function cursorOf(user: { name?: unknown; color?: unknown }): HTMLElement {
  const color = typeof user.color === 'string' ? user.color : '#4a4f57';
  const cursor = document.createElement('span');
  cursor.className = 'narrative-cursor';
  cursor.style.borderColor = color;
  const label = document.createElement('span');
  label.className = 'narrative-cursor-label';
  label.style.background = color;
  label.style.color = inkOn(color);
  label.textContent = typeof user.name === 'string' ? user.name : '';
  // The name is for the eye; a screen reader would read it as part of the text.
  cursor.setAttribute('aria-hidden', 'true');
  cursor.append(label);
  return cursor;
}

/** Options of the others' cursors. */
export interface OthersCursorsOptions {
  awareness: Awareness | null;
}

/**
 * Shows where the others who edit are in the narrative, with their name and colour (read
 * from the `user` field of their awareness state, which the server sets from their token).
 */
export const OthersCursors = Extension.create<OthersCursorsOptions>({
  name: 'othersCursors',
  addOptions() {
    return { awareness: null };
  },
  addProseMirrorPlugins() {
    const awareness = this.options.awareness;
    if (!awareness) return [];
    return [
      yCursorPlugin(awareness, {
        cursorBuilder: cursorOf,
        selectionBuilder: (user: { color?: unknown }) => ({
          style: `background-color: ${typeof user.color === 'string' ? user.color : '#4a4f57'}33`,
          class: 'narrative-selection',
        }),
      }),
    ];
  },
});
