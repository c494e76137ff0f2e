import { useEffect, type RefObject } from 'react';
import type { Editor } from 'tldraw';

/**
 * Keys pressed inside an element over the canvas are the element's: tldraw listens on its
 * container, which holds the element, and would take Escape to clear the selection or a
 * letter to change tools. Marked as handled on the element itself, before the event
 * reaches the container, tldraw leaves them alone; React's own handlers still see them.
 */
export function useKeysKeptFromCanvas(editor: Editor, element: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const node = element.current;
    if (!node) return;
    const keep = (event: KeyboardEvent): void => editor.markEventAsHandled(event);
    node.addEventListener('keydown', keep);
    node.addEventListener('keyup', keep);
    return () => {
      node.removeEventListener('keydown', keep);
      node.removeEventListener('keyup', keep);
    };
  }, [editor, element]);
}
