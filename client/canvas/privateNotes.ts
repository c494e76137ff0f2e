import { isShapeId, type Editor, type TLShape, type TLShapeId } from 'tldraw';
import { plainText } from '../../shared/domain/notes';

/** What the canvas asks of the board about private writing. */
export interface PrivateWriting {
  /** The step whose notes are private for this person now (private, not revealed), or null. */
  privateStepId(): string | null;
  /** The private, unrevealed step whose frame `frameId` is, when this person may not add to it (the gate refuses), or null. */
  privateStepOfFrame(frameId: string): string | null;
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

/** Per editor: which shapes may not be written on now, and how to say so. */
const heldBack = new WeakMap<Editor, { holds(shape: TLShape): boolean; tell(): void }>();

/**
 * May nobody start writing on `shape` in this editor now? True for a shape without words
 * (a box or an arrow without a label, an empty note) while the step is private: the words
 * would go to everyone, so the text box does not open (guardedShapes.ts asks).
 */
export function writingHeldBack(editor: Editor, shape: TLShape): boolean {
  return heldBack.get(editor)?.holds(shape) ?? false;
}

/** Someone tried to write on a shape held back: the drafts box opens, saying why. */
export function tellWritingHeldBack(editor: Editor, shape: TLShape): void {
  if (writingHeldBack(editor, shape)) heldBack.get(editor)?.tell();
}

/**
 * During a private step a participant's notes go to their private document, never to the
 * shared one: a note or text this person makes on the canvas (with the tool, by a double
 * click, pasted or duplicated) is taken back in the same operation it is made in, so the
 * store never reports it and the binding never writes a byte of it; the board is told, to
 * turn any text it had into a draft and to offer the drafts box. Other shapes that already
 * carry text when made (a pasted labelled box) are kept off the same way. Nothing new goes
 * into the private step's frame (the gate refuses that): a drawing there is put on the page
 * over the frame instead. A shape without
 * words cannot be written on ({@link writingHeldBack}). Returns the disposer.
 */
export function keepNotesOffBoardInPrivateStep(editor: Editor, privateWriting: PrivateWriting): () => void {
  const kept = new Map<TLShapeId, { stepId: string; text: string }>();
  const onPageOverFrame = (shape: TLShape): TLShape => {
    const frameId = shape.parentId as TLShapeId;
    const pageId = editor.getAncestorPageId(frameId);
    if (!pageId) return shape;
    const transform = editor.getShapePageTransform(frameId);
    const point = transform.applyToPoint({ x: shape.x, y: shape.y });
    return { ...shape, parentId: pageId, x: point.x, y: point.y, rotation: shape.rotation + transform.rotation(), index: editor.getHighestIndexForParent(pageId) };
  };
  let telling = false;
  const tell = (stepId: string, text: string): void => {
    if (telling) return;
    telling = true;
    // Told once tldraw's tool has finished with the shape it no longer finds.
    editor.timers.setTimeout(() => {
      telling = false;
      editor.setCurrentTool('select');
      privateWriting.keptOffBoard(stepId, text);
    }, 0);
  };
  const disposers = [
    editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
      if (source !== 'user') return shape;
      const text = textOf(shape);
      const written = WRITTEN_TYPES.has(shape.type) || text !== '';
      // Nothing new goes into a private step's frame before the reveal: the room's gate refuses it.
      const frameStep = isShapeId(shape.parentId) ? privateWriting.privateStepOfFrame(shape.parentId) : null;
      const stepId = frameStep ?? (written ? privateWriting.privateStepId() : null);
      if (!stepId) return shape;
      if (written) {
        kept.set(shape.id, { stepId, text });
        return shape;
      }
      // A drawing or an empty box stays where it is drawn, but on the page over the frame, not
      // in it: tldraw's tools need the shape they are making to exist.
      return frameStep ? onPageOverFrame(shape) : shape;
    }),
    editor.sideEffects.registerAfterCreateHandler('shape', (shape) => {
      const keptShape = kept.get(shape.id);
      if (!keptShape) return;
      kept.delete(shape.id);
      editor.store.remove([shape.id]);
      tell(keptShape.stepId, keptShape.text);
    }),
  ];
  heldBack.set(editor, {
    holds: (shape) => !textOf(shape) && privateWriting.privateStepId() !== null,
    tell: () => {
      const stepId = privateWriting.privateStepId();
      if (stepId) tell(stepId, '');
    },
  });
  disposers.push(() => heldBack.delete(editor));
  return () => {
    for (const dispose of disposers.splice(0).reverse()) dispose();
  };
}
