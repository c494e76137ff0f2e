import type * as Y from 'yjs';
import { liveOf } from '../../shared/schema';
import type { BoardView } from './WorkshopContext';

/** The key under `live` of the view the facilitator shows the room (the projector follows it). */
const VIEW_KEY = 'view';
const VIEWS: readonly BoardView[] = ['board', 'weave', 'narrative'];

/** The view the facilitator is showing the room: the board unless they chose another. */
export function roomView(doc: Y.Doc): BoardView {
  const view = liveOf(doc).get(VIEW_KEY);
  return VIEWS.find((known) => known === view) ?? 'board';
}

/** Shows the room a view (the facilitator; `live` is the facilitator's to write). */
export function setRoomView(doc: Y.Doc, view: BoardView): void {
  if (roomView(doc) === view) return;
  doc.transact(() => liveOf(doc).set(VIEW_KEY, view));
}
