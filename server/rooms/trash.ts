import type * as Y from 'yjs';
import type { CanvasRecord } from '../../shared/domain/canvasRules';
import { keepDeletedNotes, trashHasExpired } from '../../shared/domain/moderation';
import { recordsOf } from '../../shared/schema';

/**
 * The server's writes to `trash` (shared/domain/moderation.ts): every note an accepted update
 * deletes, whoever deleted it, is kept there for an hour so the facilitator can restore it.
 * Each returns the change to make with `room.change`, or null when there is nothing to write.
 */

/** Keeps the notes an update deleted, once it is applied: those it replaced in the same update are not gone. */
export function keepingDeleted(doc: Y.Doc, deleted: readonly CanvasRecord[], now: number): ((doc: Y.Doc) => void) | null {
  const records = recordsOf(doc);
  const gone = deleted.filter((record) => !records.has(record.id));
  if (gone.length === 0) return null;
  return (live) => keepDeletedNotes(live, gone, now);
}

/** Forgets what is older than the restore window (when a room loads: the trash may have waited for days). */
export function forgettingExpired(doc: Y.Doc, now: number): ((doc: Y.Doc) => void) | null {
  return trashHasExpired(doc, now) ? (live) => keepDeletedNotes(live, [], now) : null;
}
