import * as Y from 'yjs';
import { gatheringOf, gatheringOfNote } from '../../../shared/domain/gatherings';
import { isGroup, type Group } from '../../../shared/domain/groups';
import { deletedNotesOf, isHiddenRecord } from '../../../shared/domain/moderation';
import { narrativeText } from '../../../shared/domain/narrative';
import { pageOfRecord, plainText, processNotesOf } from '../../../shared/domain/notes';
import { threadsOf } from '../../../shared/domain/threads';
import { participantsOf, recordsOf } from '../../../shared/schema';

/**
 * What the moderation panel lists, read from the document: hidden notes, locked notes and
 * frames, notes deleted in the last hour, and what deleting the workshop would erase.
 */

/** A note as the moderation panel names it. */
export interface ModeratedNote {
  id: string;
  text: string;
  group: Group | null;
  /** The title of the gathering it belongs to, if any. */
  gathering: string | null;
}

/** A locked note or frame. */
export interface LockedShape {
  id: string;
  kind: 'note' | 'frame';
  /** The note's text or the frame's name. */
  label: string;
  pageId: string | null;
}

/** A note deleted within the restore window, latest first. */
export interface DeletedNoteItem extends ModeratedNote {
  deletedAt: number;
  /** The page it goes back to when the frame or page it sat on is gone. */
  fallbackPageId: string | null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Notes the facilitator hid, in no particular order. */
export function hiddenNotesOf(doc: Y.Doc): ModeratedNote[] {
  const records = recordsOf(doc);
  return processNotesOf(doc)
    .filter((note) => isHiddenRecord({ meta: records.get(note.id)?.get('meta') }))
    .map((note) => ({ id: note.id, text: note.text, group: note.group, gathering: gatheringOfNote(doc, note)?.title ?? null }));
}

/** Locked notes and frames (steps' frames are locked when made), frames first. */
export function lockedShapesOf(doc: Y.Doc): LockedShape[] {
  const list: LockedShape[] = [];
  recordsOf(doc).forEach((record, id) => {
    if (!(record instanceof Y.Map) || record.get('typeName') !== 'shape' || record.get('isLocked') !== true) return;
    const type = record.get('type');
    if (type !== 'note' && type !== 'frame') return;
    const props = isObject(record.get('props')) ? (record.get('props') as Record<string, unknown>) : {};
    const label = type === 'frame' ? (typeof props.name === 'string' ? props.name : '') : typeof props.text === 'string' ? props.text : plainText(props.richText);
    list.push({ id, kind: type, label, pageId: pageOfRecord(doc, id) });
  });
  return list.sort((a, b) => (a.kind === b.kind ? a.label.localeCompare(b.label) : a.kind === 'frame' ? -1 : 1));
}

/** Notes deleted in the hour before `now` and not restored, with what names them. */
export function deletedNoteItemsOf(doc: Y.Doc, now: number): DeletedNoteItem[] {
  return deletedNotesOf(doc, now).map(({ record, deletedAt }) => {
    const props = isObject(record.props) ? record.props : {};
    const meta = isObject(record.meta) ? record.meta : {};
    const gathering = typeof meta.gatheringId === 'string' ? gatheringOf(doc, meta.gatheringId) : undefined;
    const parentId = typeof record.parentId === 'string' ? record.parentId : null;
    const parentPage = parentId ? (parentId.startsWith('page:') ? parentId : pageOfRecord(doc, parentId)) : null;
    return {
      id: record.id,
      text: typeof props.text === 'string' ? props.text : plainText(props.richText),
      group: isGroup(meta.group) ? meta.group : null,
      gathering: gathering?.title ?? null,
      deletedAt,
      fallbackPageId: gathering?.pageId ?? (parentPage && recordsOf(doc).has(parentPage) ? parentPage : null),
    };
  });
}

/** What deleting the workshop erases, in counts a person can weigh. */
export interface WorkshopContents {
  notes: number;
  threads: number;
  participants: number;
  /** True when the narrative has any text. */
  narrative: boolean;
}

/** Counts what the workshop holds. */
export function workshopContentsOf(doc: Y.Doc): WorkshopContents {
  return {
    notes: processNotesOf(doc).length,
    threads: threadsOf(doc).length,
    participants: participantsOf(doc).size,
    narrative: narrativeText(doc).trim().length > 0,
  };
}
