import { react, type Editor } from 'tldraw';
import { roleOf } from '../sync/presence';

/** How long the projector waits for the facilitator before showing the whole board. */
const OVERVIEW_AFTER_MS = 1_500;

/**
 * Keep the editor following the facilitator's page and viewport (projector). When the
 * facilitator leaves and comes back, following starts again. Returns the disposer.
 */
export function followFacilitator(editor: Editor): () => void {
  let pending = false;
  // Until the facilitator is there to follow, show the whole board.
  const overview = editor.timers.setTimeout(() => {
    if (!editor.getInstanceState().followingUserId && editor.getCurrentPageShapeIds().size > 0) {
      editor.zoomToFit({ animation: { duration: 0 } });
    }
  }, OVERVIEW_AFTER_MS);
  const stop = react('follow the facilitator', () => {
    const leader = editor.getCollaborators().find((presence) => roleOf(presence) === 'facilitator');
    const following = editor.getInstanceState().followingUserId;
    if (!leader || following === leader.userId || pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      editor.startFollowingUser(leader.userId);
    });
  });
  return () => {
    clearTimeout(overview);
    stop();
  };
}
