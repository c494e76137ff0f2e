import * as Y from 'yjs';
import { recordsOf, trashOf } from '../schema';
import type { Change } from '../validate/changes';
import type { CanvasRecord } from './canvasRules';

/**
 * The facilitator's moderation: a hidden note leaves the projector and the reports (its
 * author still sees it, marked hidden) until it is brought back; locked frames and notes stay
 * where they are; a note deleted in the last hour can be restored, because the server keeps
 * a copy of every deleted note under `trash` for that long.
 */

/** How long a deleted note can be restored. */
export const RESTORE_WINDOW_MS = 60 * 60 * 1000;

/** A deleted note as the server keeps it. */
export interface DeletedNote {
  record: CanvasRecord;
  /** Server time of the deletion (ms since 1970). */
  deletedAt: number;
}

/** Any record: a tldraw shape, or a record of the document as plain JSON (`CanvasRecord`). */
type AnyRecord = { meta?: unknown } | Record<string, unknown>;

function metaOf(record: AnyRecord | undefined | null): Record<string, unknown> {
  const meta = (record as { meta?: unknown } | undefined | null)?.meta;
  return typeof meta === 'object' && meta !== null && !Array.isArray(meta) ? (meta as Record<string, unknown>) : {};
}

/** True when the facilitator hid this shape (its `meta.hidden`). */
export function isHiddenRecord(record: AnyRecord | undefined | null): boolean {
  return metaOf(record).hidden === true;
}

/** Hides a note from the projector and the reports, or brings it back. */
export function setHidden(doc: Y.Doc, shapeId: string, hidden: boolean): void {
  doc.transact(() => {
    const record = recordsOf(doc).get(shapeId);
    if (!(record instanceof Y.Map)) return;
    const meta = { ...metaOf({ meta: record.get('meta') }) };
    if (hidden) meta.hidden = true;
    else delete meta.hidden;
    record.set('meta', meta);
  });
}

/** Locks a shape where it is (nobody but the facilitator moves or changes it), or unlocks it. */
export function setLocked(doc: Y.Doc, shapeId: string, locked: boolean): void {
  doc.transact(() => {
    const record = recordsOf(doc).get(shapeId);
    if (record instanceof Y.Map && record.get('isLocked') !== locked) record.set('isLocked', locked);
  });
}

function isDeletedNote(value: unknown): value is DeletedNote {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<DeletedNote>;
  return typeof entry.deletedAt === 'number' && typeof entry.record === 'object' && entry.record !== null && typeof entry.record.id === 'string';
}

/** Notes deleted within the hour before `now` and not restored since, latest first. */
export function deletedNotesOf(doc: Y.Doc, now: number): DeletedNote[] {
  const records = recordsOf(doc);
  const list: DeletedNote[] = [];
  trashOf(doc).forEach((value, id) => {
    if (isDeletedNote(value) && value.deletedAt > now - RESTORE_WINDOW_MS && !records.has(id)) list.push(value);
  });
  return list.sort((a, b) => b.deletedAt - a.deletedAt);
}

/**
 * Puts a deleted note back as it was. When the frame or page it sat on is gone meanwhile, it
 * goes on `fallbackPageId` at the same place. Returns false when there is nothing to restore.
 */
export function restoreNote(doc: Y.Doc, noteId: string, fallbackPageId: string): boolean {
  const entry = trashOf(doc).get(noteId);
  const records = recordsOf(doc);
  if (!isDeletedNote(entry) || records.has(noteId)) return false;
  doc.transact(() => {
    const record: Record<string, unknown> = { ...entry.record };
    if (typeof record.parentId !== 'string' || !records.has(record.parentId)) record.parentId = fallbackPageId;
    const fields = new Y.Map<unknown>();
    records.set(noteId, fields);
    for (const [key, value] of Object.entries(record)) fields.set(key, value);
  });
  return true;
}

/** True for a tldraw note shape. */
function isNote(record: { typeName?: unknown; type?: unknown }): boolean {
  return record.typeName === 'shape' && record.type === 'note';
}

/**
 * The notes an update deletes, as the document holds them before it is applied (the server
 * reads this from the gate's list of changes, then applies the update).
 */
export function notesDeletedBy(changes: readonly Change[], doc: Y.Doc): CanvasRecord[] {
  const records = recordsOf(doc);
  const deleted: CanvasRecord[] = [];
  for (const change of changes) {
    if (change.top !== 'records' || change.key === null || change.field !== null || change.kind !== 'delete') continue;
    const record = records.get(change.key);
    if (!(record instanceof Y.Map)) continue;
    const json = record.toJSON() as CanvasRecord;
    if (isNote(json)) deleted.push(json);
  }
  return deleted;
}

/** True when the trash holds something the server should forget at `now` (older than the window, or unreadable). */
export function trashHasExpired(doc: Y.Doc, now: number): boolean {
  for (const value of trashOf(doc).values()) {
    if (!isDeletedNote(value) || value.deletedAt <= now - RESTORE_WINDOW_MS) return true;
  }
  return false;
}

/**
 * The server's side: keeps the notes an update deleted, and forgets what is older than the
 * restore window, in one transaction of the server's own.
 */
export function keepDeletedNotes(doc: Y.Doc, deleted: readonly CanvasRecord[], now: number): void {
  doc.transact(() => {
    const trash = trashOf(doc);
    for (const [id, value] of trash.entries()) {
      if (!isDeletedNote(value) || value.deletedAt <= now - RESTORE_WINDOW_MS) trash.delete(id);
    }
    for (const record of deleted) {
      if (isNote(record)) trash.set(record.id, { record, deletedAt: now });
    }
  });
}
