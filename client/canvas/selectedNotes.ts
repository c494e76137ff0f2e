import type { Editor } from 'tldraw';

/**
 * The notes selected on the canvas's current page, in the order they were selected; notes
 * inside a selected frame or group count too, after it.
 */
export function selectedNoteIds(editor: Editor): string[] {
  const ids: string[] = [];
  for (const id of editor.getSelectedShapeIds()) {
    for (const inner of editor.getShapeAndDescendantIds([id])) {
      if (editor.getShape(inner)?.type === 'note' && !ids.includes(inner)) ids.push(inner);
    }
  }
  return ids;
}
