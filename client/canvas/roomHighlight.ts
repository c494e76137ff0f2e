import type * as Y from 'yjs';
import { liveOf } from '../../shared/schema';

/** The key under `live` of the thread the facilitator shows the room (the projector draws it). */
const HIGHLIGHT_KEY = 'highlightThreadId';

/** The thread the facilitator has opened for the room to see, if any. */
export function roomHighlight(doc: Y.Doc): string | null {
  const id = liveOf(doc).get(HIGHLIGHT_KEY);
  return typeof id === 'string' ? id : null;
}

/** Shows the room a thread, or none (the facilitator; `live` is the facilitator's to write). */
export function setRoomHighlight(doc: Y.Doc, threadId: string | null): void {
  if (roomHighlight(doc) === threadId) return;
  doc.transact(() => liveOf(doc).set(HIGHLIGHT_KEY, threadId));
}
