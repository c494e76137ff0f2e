import { react, type Editor } from 'tldraw';
import { roleOf } from '../sync/presence';

/**
 * Keep the editor following the facilitator's page and viewport (projector). When the
 * facilitator leaves and comes back, following starts again. Returns the disposer.
 */
export function followFacilitator(editor: Editor): () => void {
  let pending = false;
  return react('follow the facilitator', () => {
    const leader = editor.getCollaborators().find((presence) => roleOf(presence) === 'facilitator');
    const following = editor.getInstanceState().followingUserId;
    if (!leader || following === leader.userId || pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      editor.startFollowingUser(leader.userId);
    });
  });
}
