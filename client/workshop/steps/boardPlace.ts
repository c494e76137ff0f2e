import { Box, type Editor, type TLShapeId } from 'tldraw';
import type { BoardPlace } from '../../../shared/domain/live';

/** Room left around a step's frame when everyone is brought to it, in screen pixels. */
const FRAME_INSET_PX = 24;
/** Below this share of the place still on screen, a person has stepped away from it. */
const AWAY_BELOW = 0.5;

/** The place of a step's frame: its page and its bounds there; null when the frame is not on the board. */
export function framePlace(editor: Editor, frameId: string | null): BoardPlace | null {
  if (!frameId) return null;
  const id = frameId as TLShapeId;
  const pageId = editor.getAncestorPageId(id);
  const bounds = editor.getShapePageBounds(id);
  return pageId && bounds ? { pageId, x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h } : null;
}

/** What this editor shows: its page and the part of it in view. */
export function placeInView(editor: Editor): BoardPlace {
  const view = editor.getViewportPageBounds();
  return { pageId: editor.getCurrentPageId(), x: view.x, y: view.y, w: view.w, h: view.h };
}

/**
 * Shows a place: its page, zoomed so that all of it is in view. A summons is a viewport and
 * is shown edge to edge; a frame keeps a little room around it.
 */
export function showPlace(editor: Editor, place: BoardPlace, kind: 'summons' | 'frame'): void {
  if (!editor.getPage(place.pageId as never)) return;
  if (editor.getCurrentPageId() !== place.pageId) editor.setCurrentPage(place.pageId as never);
  editor.zoomToBounds(new Box(place.x, place.y, place.w, place.h), { inset: kind === 'frame' ? FRAME_INSET_PX : 0, immediate: true });
}

/**
 * Has this person stepped away from `place`? Not when most of what they see is the place
 * (zoomed into it to write) or most of the place is on their screen (zoomed out a little).
 */
export function isAwayFrom(editor: Editor, place: BoardPlace): boolean {
  if (editor.getCurrentPageId() !== place.pageId) return true;
  const view = editor.getViewportPageBounds();
  const overlapW = Math.min(view.maxX, place.x + place.w) - Math.max(view.minX, place.x);
  const overlapH = Math.min(view.maxY, place.y + place.h) - Math.max(view.minY, place.y);
  if (overlapW <= 0 || overlapH <= 0) return true;
  const shared = overlapW * overlapH;
  return shared / Math.min(view.w * view.h, place.w * place.h) < AWAY_BELOW;
}
