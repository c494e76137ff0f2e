import { react, type Editor, type TLPageId } from 'tldraw';

/** Each side's margin around the content, as a share of the canvas's width, and at most. */
const SIDE_MARGIN_SHARE = 0.17;
const MAX_SIDE_MARGIN = 160;

/**
 * Does the camera show at least one shape whole? A corner of a note at the screen's edge does
 * not tell a person where the notes are. An empty page shows all it has.
 */
function showsAShape(editor: Editor): boolean {
  const viewport = editor.getViewportPageBounds();
  const ids = editor.getCurrentPageShapeIds();
  if (ids.size === 0) return true;
  for (const id of ids) {
    const bounds = editor.getShapePageBounds(id);
    if (bounds && viewport.contains(bounds)) return true;
  }
  return false;
}

/**
 * Open each page on its content. A page's camera starts at the origin, and notes are often
 * elsewhere (placed by people on big screens, imported, or in a template's frames): a phone
 * would open on empty space with nothing to say where the notes are. So the first time this
 * editor shows a page, when the camera shows none of its shapes whole, the camera moves to
 * show them all, at most at 100 %. A page already looked at, a camera that shows a shape, and
 * an editor following someone (the projector, "bring everyone here") are left alone.
 * Returns the disposer.
 */
export function openOnContent(editor: Editor): () => void {
  const looked = new Set<TLPageId>();
  let frame: number | null = null;

  const look = (): void => {
    frame = null;
    const pageId = editor.getCurrentPageId();
    const viewport = editor.getViewportScreenBounds();
    // A hidden canvas (another view is shown) has no size yet: look once it has one.
    if (looked.has(pageId) || viewport.width === 0 || viewport.height === 0) return;
    looked.add(pageId);
    if (editor.getInstanceState().followingUserId || showsAShape(editor)) return;
    const content = editor.getCurrentPageBounds();
    // The margin leaves the sides to the board's own chrome over the canvas (the group legend
    // on the left, the style button on the right), so that no note opens under it.
    const inset = Math.min(viewport.width * SIDE_MARGIN_SHARE * 2, MAX_SIDE_MARGIN * 2);
    if (content) editor.zoomToBounds(content, { targetZoom: 1, inset, immediate: true });
  };

  const stop = react('open each page on its content', () => {
    // What a look depends on: which page is shown, and whether the canvas has a size.
    editor.getCurrentPageId();
    editor.getViewportScreenBounds();
    // After the frame, so that whatever moved this editor to the page (opening on the current
    // gathering, following) has also set its camera.
    frame ??= editor.timers.requestAnimationFrame(look);
  });
  return () => {
    stop();
    if (frame !== null) cancelAnimationFrame(frame);
  };
}
