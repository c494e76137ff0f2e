import type * as Y from 'yjs';
import { liveOf } from '../schema';
import { newId } from './ids';

/**
 * What the facilitator asks of every screen at once, kept under `live`: "bring everyone
 * here" (a place on a page that every participant's view moves to) and whether the
 * projector shows the join code in its corner.
 */

/** A place on the board: a page and the part of it in view, in page coordinates. */
export interface BoardPlace {
  pageId: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One "bring everyone here": a new id each time, so a second call to the same place still moves people. */
export interface Summons extends BoardPlace {
  id: string;
}

const SUMMONS_KEY = 'bringHere';
const JOIN_CORNER_KEY = 'showJoin';

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Why a value is not a summons, or null when it is. */
export function summonsProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'shape';
  const summons = value as Record<string, unknown>;
  if (Object.keys(summons).sort().join(',') !== 'h,id,pageId,w,x,y') return 'shape';
  if (typeof summons.id !== 'string' || summons.id.length > 64) return 'id';
  if (typeof summons.pageId !== 'string' || !summons.pageId.startsWith('page:') || summons.pageId.length > 256) return 'pageId';
  if (![summons.x, summons.y, summons.w, summons.h].every(isFiniteNumber) || (summons.w as number) <= 0 || (summons.h as number) <= 0) return 'box';
  return null;
}

/** The last "bring everyone here", or null when there was none. */
export function summonsOf(doc: Y.Doc): Summons | null {
  const value = liveOf(doc).get(SUMMONS_KEY);
  return summonsProblem(value) === null ? (value as Summons) : null;
}

/**
 * Brings every participant's view to `place` (the facilitator's page and viewport). Throws,
 * writing nothing, when `place` is not one (no size, not a page): the gate would refuse it.
 */
export function bringEveryoneTo(doc: Y.Doc, place: BoardPlace): Summons {
  const summons: Summons = { id: newId('summons'), pageId: place.pageId, x: place.x, y: place.y, w: place.w, h: place.h };
  const problem = summonsProblem(summons);
  if (problem) throw new Error(`invalid place: ${problem}`);
  doc.transact(() => liveOf(doc).set(SUMMONS_KEY, summons));
  return summons;
}

/** Does the projector show the join code and QR code in its corner? Yes unless the facilitator hid them. */
export function joinCornerShown(doc: Y.Doc): boolean {
  return liveOf(doc).get(JOIN_CORNER_KEY) !== false;
}

/** Shows or hides the join code on the projector. */
export function setJoinCornerShown(doc: Y.Doc, shown: boolean): void {
  if (joinCornerShown(doc) === shown) return;
  doc.transact(() => liveOf(doc).set(JOIN_CORNER_KEY, shown));
}
