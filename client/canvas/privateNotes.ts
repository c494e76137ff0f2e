import type { Editor, TLShape, TLShapeId } from 'tldraw';
import { plainText } from '../../shared/domain/notes';

/** What the canvas asks of the board about private writing. */
export interface PrivateWriting {
  /** The step whose notes are private for this person now (private, not revealed), or null. */
  privateStepId(): string | null;
  /**
   * A note made on the canvas during private step `stepId` was kept off the board; `text` is
   * what it said when it was made (empty for a new note, the text of a pasted one).
   */
  keptOffBoard(stepId: string, text: string): void;
}

/** Shapes that carry written words from the moment they are made: notes and text. */
const WRITTEN_TYPES: ReadonlySet<string> = new Set(['note', 'text']);

function textOf(shape: TLShape): string {
  const props = shape.props as { richText?: unknown };
  return props.richText === undefined ? '' : plainText(props.richText).trim();
}

/**
 * During a private step a participant's notes go to their private document, never to the
 * shared one: a note or text this person makes on the canvas (with the tool, by a double
 * click, pasted or duplicated) is taken back in the same operation it is made in, so the
 * store never reports it and the binding never writes a byte of it; the board is told, to
 * turn any text it had into a draft and to offer the drafts box. Other shapes that already
 * carry text when made (a pasted labelled box) are kept off the same way. Returns the disposer.
 */
export function keepNotesOffBoardInPrivateStep(editor: Editor, privateWriting: PrivateWriting): () => void {
  const kept = new Map<TLShapeId, { stepId: string; text: string }>();
  const disposers = [
    editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
      if (source !== 'user') return shape;
      const text = textOf(shape);
      if (!WRITTEN_TYPES.has(shape.type) && !text) return shape;
      const stepId = privateWriting.privateStepId();
      if (stepId) kept.set(shape.id, { stepId, text });
      return shape;
    }),
    editor.sideEffects.registerAfterCreateHandler('shape', (shape) => {
      const keptShape = kept.get(shape.id);
      if (!keptShape) return;
      kept.delete(shape.id);
      editor.store.remove([shape.id]);
      // Told once tldraw's tool has finished with the shape it no longer finds.
      editor.timers.setTimeout(() => {
        editor.setCurrentTool('select');
        privateWriting.keptOffBoard(keptShape.stepId, keptShape.text);
      }, 0);
    }),
  ];
  return () => {
    for (const dispose of disposers.splice(0).reverse()) dispose();
  };
}
