import { react, type Editor } from 'tldraw';
import { roleOf } from '../sync/presence';

/** How long the projector waits for the facilitator before showing the whole board. */
const OVERVIEW_AFTER_MS = 1_500;
/** How long after an attempt to follow that did not take the projector tries again. */
const RETRY_AFTER_MS = 500;

/**
 * Keep the editor following the facilitator's page and viewport (projector). When the
 * facilitator leaves and comes back, following starts again. Returns the disposer.
 *
 * tldraw's startFollowingUser first stops following, which changes the instance state this
 * watches; when it then cannot follow (the leader's presence not ready for it yet), watching
 * and starting again would chase each other in microtasks and freeze the page. An attempt
 * that did not take is retried on a timer instead.
 */
export function followFacilitator(editor: Editor): () => void {
  let pending = false;
  let lastAttempt: { leader: string; at: number } | null = null;
  let retry: number | null = null;
  // Until the facilitator is there to follow, show the whole board.
  const overview = editor.timers.setTimeout(() => {
    if (!editor.getInstanceState().followingUserId && editor.getCurrentPageShapeIds().size > 0) {
      editor.zoomToFit({ animation: { duration: 0 } });
    }
  }, OVERVIEW_AFTER_MS);

  const leaderId = (): string | null => editor.getCollaborators().find((presence) => roleOf(presence) === 'facilitator')?.userId ?? null;
  const follow = (): void => {
    const leader = leaderId();
    if (!leader || editor.getInstanceState().followingUserId === leader || pending) return;
    const since = lastAttempt?.leader === leader ? Date.now() - lastAttempt.at : Infinity;
    if (since < RETRY_AFTER_MS) {
      retry ??= editor.timers.setTimeout(() => {
        retry = null;
        follow();
      }, RETRY_AFTER_MS - since);
      return;
    }
    pending = true;
    queueMicrotask(() => {
      pending = false;
      lastAttempt = { leader, at: Date.now() };
      editor.startFollowingUser(leader);
    });
  };
  const stop = react('follow the facilitator', () => {
    // What following depends on: who is there, and whom this editor follows.
    leaderId();
    editor.getInstanceState().followingUserId;
    follow();
  });
  return () => {
    clearTimeout(overview);
    if (retry) clearTimeout(retry);
    stop();
  };
}
