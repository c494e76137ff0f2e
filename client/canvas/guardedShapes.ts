import {
  ArrowShapeUtil,
  defaultShapeUtils,
  FrameShapeUtil,
  GeoShapeUtil,
  NoteShapeUtil,
  TextShapeUtil,
  type Editor,
  type TLAnyShapeUtilConstructor,
  type TLArrowShape,
  type TLEditStartInfo,
  type TLFrameShape,
  type TLGeoShape,
  type TLNoteShape,
  type TLShape,
  type TLShapePartial,
  type TLTextShape,
} from 'tldraw';
import { identityIn, mayChangeContent } from './permissions';
import { tellWritingHeldBack, writingHeldBack } from './privateNotes';

/**
 * tldraw's shapes that hold text, unchanged except that nobody enters editing a shape whose
 * text they may not change (another participant's note): the text box never opens, so no
 * typing is lost and no change is refused. The schema stays tldraw's own (same types and
 * props), so the document and the server's validation are untouched.
 */

function mayEdit(editor: Editor, shape: TLShape): boolean {
  const identity = identityIn(editor);
  // In a private step a participant's words go to their drafts, not onto a shape for everyone.
  return (identity === undefined || mayChangeContent(identity, shape)) && !writingHeldBack(editor, shape);
}

/** A double click on a shape this person may not write on: nothing opens (and in a private step, the drafts box does). */
function refusedDoubleClick(editor: Editor, shape: TLShape): void {
  tellWritingHeldBack(editor, shape);
}

/**
 * tldraw answers a double click on a shape it cannot edit by starting a new text shape on
 * top of it; on someone else's note nothing should happen, so the double click is taken
 * as an empty change.
 */
function untouched<T extends TLShape>(shape: T): TLShapePartial<T> {
  return { id: shape.id, type: shape.type } as TLShapePartial<T>;
}

class GuardedNoteShapeUtil extends NoteShapeUtil {
  override canEdit(shape: TLNoteShape): boolean {
    return super.canEdit(shape) && mayEdit(this.editor, shape);
  }
  override onDoubleClick(shape: TLNoteShape): TLShapePartial<TLNoteShape> | void {
    if (!mayEdit(this.editor, shape)) {
      refusedDoubleClick(this.editor, shape);
      return untouched(shape);
    }
  }
}

class GuardedTextShapeUtil extends TextShapeUtil {
  override canEdit(shape: TLTextShape): boolean {
    return super.canEdit(shape) && mayEdit(this.editor, shape);
  }
  override onDoubleClick(shape: TLTextShape): TLShapePartial<TLTextShape> | void {
    if (!mayEdit(this.editor, shape)) {
      refusedDoubleClick(this.editor, shape);
      return untouched(shape);
    }
  }
}

class GuardedGeoShapeUtil extends GeoShapeUtil {
  override canEdit(shape: TLGeoShape): boolean {
    return super.canEdit(shape) && mayEdit(this.editor, shape);
  }
  override onDoubleClick(shape: TLGeoShape): ReturnType<GeoShapeUtil['onDoubleClick']> {
    // The shape as it is: a change that changes nothing.
    if (!mayEdit(this.editor, shape)) {
      refusedDoubleClick(this.editor, shape);
      return shape;
    }
    return super.onDoubleClick(shape);
  }
}

class GuardedArrowShapeUtil extends ArrowShapeUtil {
  override canEdit(shape: TLArrowShape): boolean {
    return super.canEdit(shape) && mayEdit(this.editor, shape);
  }
}

class GuardedFrameShapeUtil extends FrameShapeUtil {
  override canEdit(shape: TLFrameShape, info: TLEditStartInfo): boolean {
    return super.canEdit(shape, info) && mayEdit(this.editor, shape);
  }
}

const guarded: readonly TLAnyShapeUtilConstructor[] = [
  GuardedNoteShapeUtil,
  GuardedTextShapeUtil,
  GuardedGeoShapeUtil,
  GuardedArrowShapeUtil,
  GuardedFrameShapeUtil,
];

/** tldraw's default shapes, with the text-holding ones guarded. */
export const guardedShapeUtils: readonly TLAnyShapeUtilConstructor[] = defaultShapeUtils.map(
  (util) => guarded.find((g) => g.type === util.type) ?? util,
);
