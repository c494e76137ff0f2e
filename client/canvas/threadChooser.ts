import { atom, type Atom, type Editor } from 'tldraw';

/**
 * Whether the "add to thread" chooser is open over a canvas: the button over the canvas and
 * the canvas's context menu both open it, so the state lives beside the editor.
 */
const chooserStates = new WeakMap<Editor, Atom<boolean>>();

/** The open state of the chooser over `editor`'s canvas. */
export function chooserOpen(editor: Editor): Atom<boolean> {
  let state = chooserStates.get(editor);
  if (!state) chooserStates.set(editor, (state = atom('thread chooser open', false)));
  return state;
}
