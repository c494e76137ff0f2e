import { GROUP_NAMES } from './groupNames';
import { GROUP_STYLES } from './groups';
import { boardUserId, type Identity } from './identity';

/**
 * Who may change which canvas record, as plain functions over plain records: the server runs
 * them on every update before anyone sees it, and the browser runs the very same ones in
 * tldraw's side effects, so a person never meets a refusal in normal use.
 */

/** A tldraw record as stored in the document: plain JSON fields. */
export type CanvasRecord = Record<string, unknown> & { id: string; typeName: string };

/** Why a change of a record was refused (for logs and tests; never shown raw to a person). */
export type CanvasRefusal =
  | 'facilitator-only'
  | 'not-yours'
  | 'forged-author'
  | 'author-changed'
  | 'locked'
  | 'lock-is-facilitators'
  | 'hidden-is-facilitators'
  | 'foreign-colour'
  | 'record-too-large'
  | 'text-too-long'
  | 'read-only';

/** Longest text of one record (a note's text), in characters. */
export const MAX_RECORD_TEXT_CHARS = 10_000;

/**
 * Largest record, as JSON characters. A note with the longest text and rich formatting stays
 * far below it; an image kept inside the document (up to 384 KB, base64) fits too.
 */
export const MAX_RECORD_JSON_CHARS = 640 * 1024;

/** Fields anyone may change on a shape that is not locked: where it sits, not what it says. */
export const PLACEMENT_FIELDS: ReadonlySet<string> = new Set(['x', 'y', 'rotation', 'index', 'parentId']);

/** Record types only the facilitator creates, changes or deletes. */
const FACILITATOR_TYPES: ReadonlySet<string> = new Set(['page', 'document']);

interface Authorship {
  participantId: unknown;
  group: unknown;
}

function authorshipOf(record: CanvasRecord): Authorship {
  const meta = isObject(record.meta) ? record.meta : {};
  return { participantId: meta.participantId ?? null, group: meta.group ?? null };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when a shape's or asset's author (participant id or group) differs between versions. */
function authorChanged(before: CanvasRecord, after: CanvasRecord): boolean {
  if (before.typeName !== 'shape' && before.typeName !== 'asset') return false;
  const previous = authorshipOf(before);
  const next = authorshipOf(after);
  return previous.participantId !== next.participantId || previous.group !== next.group;
}

/** True when the record says it was made by this participant. */
export function isAuthoredBy(record: CanvasRecord, actor: Identity): boolean {
  return actor.participantId !== null && authorshipOf(record).participantId === actor.participantId;
}

/** Characters of text a record holds (tldraw's rich text, or plain text). */
export function textLength(record: CanvasRecord): number {
  const props = isObject(record.props) ? record.props : {};
  let total = typeof props.text === 'string' ? props.text.length : 0;
  const stack: unknown[] = [props.richText];
  // Iterative, so a deeply nested document cannot overflow the stack.
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isObject(node)) continue;
    if (typeof node.text === 'string') total += node.text.length;
    if (Array.isArray(node.content)) stack.push(...node.content);
  }
  return total;
}

/** Fields whose values differ between two versions of a record. */
export function changedFields(before: CanvasRecord, after: CanvasRecord): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

/** Limits every record must keep, whoever writes it. */
export function sizeRefusal(after: CanvasRecord): CanvasRefusal | null {
  if (textLength(after) > MAX_RECORD_TEXT_CHARS) return 'text-too-long';
  if (JSON.stringify(after).length > MAX_RECORD_JSON_CHARS) return 'record-too-large';
  return null;
}

/**
 * May `actor` turn `before` into `after`? `before` is null for a new record, `after` null for
 * a deleted one. Returns null when allowed, else why not.
 *
 * - Nobody changes who made a shape or asset (its participant id and group), once made.
 * - The facilitator may change everything else.
 * - A participant's new shapes and assets carry its own participant id and group; those two
 *   never change afterwards. Anyone may move a shape that is not locked (position, rotation,
 *   stacking order, the frame it sits in); only its author changes the rest or deletes it.
 *   A note of a participant is in its group's colour. Locking and hiding are the facilitator's.
 * - Pages and the document record are the facilitator's. Bindings (an arrow attached to a
 *   note) hold no content and follow the shapes they join.
 */
export function canvasRefusal(actor: Identity, before: CanvasRecord | null, after: CanvasRecord | null): CanvasRefusal | null {
  if (after) {
    const size = sizeRefusal(after);
    if (size) return size;
  }
  if (before && after && authorChanged(before, after)) return 'author-changed';
  if (actor.role === 'facilitator') return null;
  if (actor.role !== 'participant') return 'read-only';
  const typeName = (after ?? before)?.typeName ?? '';
  if (FACILITATOR_TYPES.has(typeName)) return 'facilitator-only';
  if (typeName === 'binding') return null;
  if (typeName === 'shape') return shapeRefusal(actor, before, after);
  if (typeName === 'asset') return ownedRecordRefusal(actor, before, after);
  if (typeName === 'user') return userRefusal(actor, before, after);
  return 'facilitator-only';
}

/**
 * tldraw keeps who first wrote in a note as a user record in the document. A participant
 * writes only its own, under its own name (its group's name when anonymous, in any of the
 * interface's languages) and colour, with no picture from elsewhere.
 */
function userRefusal(actor: Identity, before: CanvasRecord | null, after: CanvasRecord | null): CanvasRefusal | null {
  const ownId = `user:${boardUserId(actor, '') ?? ''}`;
  if ((before && before.id !== ownId) || (after && after.id !== ownId)) return 'not-yours';
  if (!after || !actor.group) return null;
  const names = actor.name !== null ? [actor.name] : Object.values(GROUP_NAMES).map((n) => n[actor.group as keyof typeof n]);
  if (!names.includes(after.name as string) || after.color !== GROUP_STYLES[actor.group].hex || after.imageUrl !== '') return 'forged-author';
  return null;
}

function shapeRefusal(actor: Identity, before: CanvasRecord | null, after: CanvasRecord | null): CanvasRefusal | null {
  if (before?.isLocked === true) return 'locked';
  if (after?.isLocked === true) return 'lock-is-facilitators';
  if (hiddenChanged(before, after)) return 'hidden-is-facilitators';
  if (before && after && changedFields(before, after).every((field) => PLACEMENT_FIELDS.has(field))) return null;
  const owned = ownedRecordRefusal(actor, before, after);
  if (owned) return owned;
  if (after && after.type === 'note' && actor.group) {
    const props = isObject(after.props) ? after.props : {};
    if (props.color !== GROUP_STYLES[actor.group].canvasColor) return 'foreign-colour';
  }
  return null;
}

/**
 * Hiding a note (its `meta.hidden`, see moderation.ts) is the facilitator's: a new shape of a
 * participant carries no such mark, and a participant's change neither sets nor clears it.
 * Its author may still change a hidden note otherwise (the mark stays as it is).
 */
function hiddenChanged(before: CanvasRecord | null, after: CanvasRecord | null): boolean {
  if (!after) return false;
  const next = isObject(after.meta) ? after.meta : {};
  if (!before) return Object.prototype.hasOwnProperty.call(next, 'hidden');
  const previous = isObject(before.meta) ? before.meta : {};
  return JSON.stringify(previous.hidden) !== JSON.stringify(next.hidden);
}

/** Shapes and assets: made with the maker's own authorship, changed and deleted by the maker. */
function ownedRecordRefusal(actor: Identity, before: CanvasRecord | null, after: CanvasRecord | null): CanvasRefusal | null {
  if (before && !isAuthoredBy(before, actor)) return 'not-yours';
  if (!after) return null;
  if (before) return null;
  const authorship = authorshipOf(after);
  if (authorship.participantId !== actor.participantId || authorship.group !== actor.group) return 'forged-author';
  return null;
}
