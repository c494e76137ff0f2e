import type { Editor, TLShapeId } from 'tldraw';

/**
 * Shows a note on the canvas: its gathering's page, the note selected and in view. Runs a
 * frame later, so a canvas that was hidden behind another view has its size again.
 */
export function showNoteOnCanvas(editor: Editor, noteId: string): void {
  requestAnimationFrame(() => {
    const shape = editor.getShape(noteId as TLShapeId);
    if (!shape) return;
    const pageId = editor.getAncestorPageId(shape);
    if (pageId && pageId !== editor.getCurrentPageId()) editor.setCurrentPage(pageId);
    editor.select(shape.id);
    editor.zoomToSelection({ animation: { duration: 200 } });
  });
}
