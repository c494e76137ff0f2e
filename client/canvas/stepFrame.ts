import { isPageId, type Editor, type TLShape, type TLShapeId } from 'tldraw';
import { spotInFrame, type Rect } from '../../shared/domain/freeSpot';

/** The frame notes land in now: the current step's, on its gathering's page. */
export interface StepFrameTarget {
  frameId: string;
  pageId: string;
}

/** The shapes in a frame (in its own coordinates) other than the note being placed, as the editor measures them. */
function shapesInFrame(editor: Editor, frameId: TLShapeId, noteId: TLShapeId): Rect[] {
  return editor.getSortedChildIdsForParent(frameId).flatMap((id) => {
    const child = id === noteId ? undefined : editor.getShape(id);
    if (!child) return [];
    const bounds = editor.getShapeGeometry(child).bounds;
    return [{ x: child.x, y: child.y, w: bounds.w, h: bounds.h }];
  });
}

/**
 * A step's frame is locked so that nobody drags the agenda around, but what people write in
 * it is theirs to move and edit: tldraw treats everything inside a locked shape as locked
 * too, and lets nothing into or out of a locked frame, so here a locked frame's lock stops
 * at the frame itself.
 */
function unlockChildrenOfLockedFrames(editor: Editor): () => void {
  const frames = editor.getShapeUtil('frame');
  const receive = frames.canReceiveNewChildrenOfType;
  const release = frames.canRemoveChildrenOfType;
  frames.canReceiveNewChildrenOfType = () => true;
  frames.canRemoveChildrenOfType = () => true;
  const original = editor.isShapeOrAncestorLocked;
  editor.isShapeOrAncestorLocked = (shape?: TLShape | TLShapeId): boolean => {
    let current = shape === undefined ? undefined : editor.getShape(shape);
    const start = current;
    while (current) {
      if (current.isLocked && (current === start || current.type !== 'frame')) return true;
      current = editor.getShapeParent(current);
    }
    return false;
  };
  return () => {
    editor.isShapeOrAncestorLocked = original;
    frames.canReceiveNewChildrenOfType = receive;
    frames.canRemoveChildrenOfType = release;
  };
}

/**
 * A note written during a step lands in that step's frame: when this person makes a note on
 * the page of the step's gathering, outside any frame, it goes into the step's frame at a
 * free spot (and the view follows it there); one made inside the frame stays where it was
 * put. Returns the disposer.
 *
 * The note is given to the frame as it is created, in the same place on the page; where it
 * ends up is settled once tldraw has placed it (the note tool centres a new note on the
 * pointer right after creating it).
 */
export function landNotesInStepFrame(editor: Editor, target: () => StepFrameTarget | null): () => void {
  const disposers: Array<() => void> = [unlockChildrenOfLockedFrames(editor)];
  const landed = new Set<TLShapeId>();

  const settle = (noteId: TLShapeId): void => {
    const note = editor.getShape(noteId);
    const frame = note ? editor.getShape(note.parentId as TLShapeId) : undefined;
    if (!note || !frame || frame.type !== 'frame') return;
    const { w, h } = frame.props as { w: number; h: number };
    const size = editor.getShapeGeometry(note).bounds;
    const centre = { x: note.x + size.w / 2, y: note.y + size.h / 2 };
    const inside = centre.x >= 0 && centre.x <= w && centre.y >= 0 && centre.y <= h;
    const spot = inside
      ? { x: Math.min(Math.max(note.x, 0), Math.max(0, w - size.w)), y: Math.min(Math.max(note.y, 0), Math.max(0, h - size.h)) }
      : spotInFrame(shapesInFrame(editor, frame.id, noteId), { w, h }, Math.max(size.w, size.h));
    if (spot.x !== note.x || spot.y !== note.y) editor.updateShape({ id: noteId, type: note.type, x: spot.x, y: spot.y });
    if (inside) return;
    // Put somewhere the writer did not point: bring it into their view at once, as they are
    // already typing in it.
    const bounds = editor.getShapePageBounds(noteId);
    if (bounds && !editor.getViewportPageBounds().contains(bounds)) editor.centerOnPoint(bounds.center, { immediate: true });
  };

  disposers.push(
    editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
      if (source !== 'user' || shape.type !== 'note' || !isPageId(shape.parentId)) return shape;
      const place = target();
      if (!place || place.pageId !== shape.parentId) return shape;
      const frameId = place.frameId as TLShapeId;
      const frame = editor.getShape(frameId);
      if (!frame || frame.type !== 'frame' || frame.parentId !== shape.parentId || frame.rotation !== 0) return shape;
      landed.add(shape.id);
      return { ...shape, parentId: frameId, x: shape.x - frame.x, y: shape.y - frame.y, index: editor.getHighestIndexForParent(frameId) };
    }),
    editor.sideEffects.registerAfterCreateHandler('shape', (shape) => {
      if (!landed.delete(shape.id)) return;
      editor.timers.setTimeout(() => settle(shape.id), 0);
    }),
  );
  return () => {
    for (const dispose of disposers.splice(0).reverse()) dispose();
  };
}
