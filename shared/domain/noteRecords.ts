import { toRichText } from '@tldraw/tlschema';
import { getIndexAbove, type IndexKey } from '@tldraw/utils';
import * as Y from 'yjs';
import { recordsOf } from '../schema';
import { MAX_RECORD_TEXT_CHARS } from './canvasRules';
import { freeSpots, NOTE_GAP, spotInFrame, type Rect, type Spot } from './freeSpot';
import { GROUP_STYLES, type Group } from './groups';
import { newId } from './ids';
import { STEP_FRAME_WIDTH } from './stepFrames';

/**
 * Notes written without tldraw: the phone view writes a person's note into the current
 * step's frame (or on the gathering's page when no step runs), and the server's reveal moves
 * drafts there. The records are the ones the canvas writes (client/canvas/authorship.ts
 * stamps the meta, client/canvas/stepFrame.ts finds the free spot with the same search,
 * freeSpot.ts), so the gate's canvas rules and tldraw's validators treat them alike.
 */

/** A note's side before any text makes it grow, in page units (tldraw's NOTE_SIZE). */
export const NOTE_SIZE = 200;
/** How many rows down a page the search for a free spot goes before giving up and stacking. */
const MAX_PAGE_ROWS = 400;
/** The note colour of the facilitator, who has no group (as on the canvas). */
const FACILITATOR_NOTE_COLOR = 'yellow';

/** What a note written outside the canvas carries. */
export interface NoteFacts {
  /** The frame it lands in (a step's frame). */
  frameId: string;
  text: string;
  /** The writer's stakeholder group (its colour); null for the facilitator (yellow). */
  group: Group | null;
  /** The writer; null for the facilitator, and for a note revealed without names. */
  participantId: string | null;
  /** The gathering it was written in, or null. */
  gatheringId: string | null;
  /**
   * The name tldraw shows on the note as its first writer (a participant's name, or their
   * group's name when they stay anonymous); omitted or null: no name on the note.
   */
  authorName?: string | null;
  /** The record id (`shape:…`); a new random one when omitted. The reveal gives one derived from the draft. */
  id?: string;
}

/** What a note written on a page, outside any frame, carries (see NoteFacts). */
export interface PageNoteFacts {
  /** The page it lands on (a gathering's). */
  pageId: string;
  text: string;
  group: Group | null;
  participantId: string | null;
  gatheringId: string | null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The box a shape covers, in its parent's coordinates, from its stored record: shapes with a
 * width and height give theirs, a note its grown height, anything else (a drawing, an arrow)
 * is taken as a note's size so that it is not written over.
 */
function boxOf(record: Y.Map<unknown>): Rect | null {
  const x = record.get('x');
  const y = record.get('y');
  if (typeof x !== 'number' || typeof y !== 'number') return null;
  const props = record.get('props');
  const p = isObject(props) ? props : {};
  const scale = typeof p.scale === 'number' && p.scale > 0 ? p.scale : 1;
  if (record.get('type') === 'note') {
    const growY = typeof p.growY === 'number' ? p.growY : 0;
    return { x, y, w: NOTE_SIZE * scale, h: (NOTE_SIZE + growY) * scale };
  }
  if (typeof p.w === 'number' && typeof p.h === 'number') return { x, y, w: p.w * scale, h: p.h * scale };
  return { x, y, w: NOTE_SIZE, h: NOTE_SIZE };
}

interface Children {
  boxes: Rect[];
  topIndex: string | null;
}

/** The boxes of the shapes directly on `parentId` (a frame or a page), and the highest of their indexes. */
function childrenOf(doc: Y.Doc, parentId: string): Children {
  const boxes: Rect[] = [];
  let topIndex: string | null = null;
  recordsOf(doc).forEach((record) => {
    if (!(record instanceof Y.Map) || record.get('typeName') !== 'shape' || record.get('parentId') !== parentId) return;
    const box = boxOf(record);
    if (box) boxes.push(box);
    const index = record.get('index');
    if (typeof index === 'string' && (topIndex === null || index > topIndex)) topIndex = index;
  });
  return { boxes, topIndex };
}

/** The frame's size, or null when `frameId` names no frame. */
function frameSize(doc: Y.Doc, frameId: string): { w: number; h: number } | null {
  const frame = recordsOf(doc).get(frameId);
  if (!(frame instanceof Y.Map) || frame.get('typeName') !== 'shape' || frame.get('type') !== 'frame') return null;
  const props = frame.get('props');
  if (!isObject(props) || typeof props.w !== 'number' || typeof props.h !== 'number') return null;
  return { w: props.w, h: props.h };
}

function writeRecord(doc: Y.Doc, record: Record<string, unknown>): void {
  const fields = new Y.Map<unknown>();
  recordsOf(doc).set(record.id as string, fields);
  for (const [key, value] of Object.entries(record)) fields.set(key, value);
}

/** The board user id tldraw attributes a participant's writing to (identity.ts's boardUserId). */
function attributionId(participantId: string): string {
  return `participant:${participantId}`;
}

/**
 * tldraw names a note's first writer from a user record in the document, as the canvas
 * writes it for a participant (canvasRules.ts's userRefusal: their name, their group's
 * colour, no picture). Written when missing or different.
 */
function ensureUserRecord(doc: Y.Doc, participantId: string, name: string, group: Group): void {
  const id = `user:${attributionId(participantId)}`;
  const color = GROUP_STYLES[group].hex;
  const stored = recordsOf(doc).get(id);
  if (stored instanceof Y.Map && stored.get('name') === name && stored.get('color') === color && stored.get('imageUrl') === '') return;
  writeRecord(doc, { id, typeName: 'user', name, color, imageUrl: '', meta: {} });
}

/** What a note's record is made of, wherever it lands. */
interface NotePlacement {
  id: string;
  parentId: string;
  spot: Spot;
  /** The highest index among the parent's shapes: the note goes above them. */
  topIndex: string | null;
  /** The board user id tldraw names as the note's first writer, or null for none. */
  firstWriter: string | null;
}

/**
 * Writes a note record as the canvas would: in the group's colour (yellow without group), with
 * the canvas's authorship meta. Returns its index (the next note goes above it).
 */
function writeNote(doc: Y.Doc, facts: Omit<PageNoteFacts, 'pageId'>, place: NotePlacement): string {
  const index = getIndexAbove((place.topIndex as IndexKey | null) ?? null);
  writeRecord(doc, {
    id: place.id,
    typeName: 'shape',
    type: 'note',
    x: place.spot.x,
    y: place.spot.y,
    rotation: 0,
    index,
    parentId: place.parentId,
    isLocked: false,
    opacity: 1,
    props: {
      color: facts.group ? GROUP_STYLES[facts.group].canvasColor : FACILITATOR_NOTE_COLOR,
      labelColor: 'black',
      size: 'm',
      font: 'draw',
      fontSizeAdjustment: 1,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      richText: toRichText(facts.text.slice(0, MAX_RECORD_TEXT_CHARS)),
      scale: 1,
      textFirstEditedBy: place.firstWriter,
    },
    meta: { group: facts.group, participantId: facts.participantId, gatheringId: facts.gatheringId },
  });
  return index;
}

/**
 * Writes a note into a frame, as the canvas would: at a free spot inside it (row by row,
 * not over the frame's other shapes), above them, in the group's colour (yellow without
 * group), with the canvas's authorship meta {group, participantId, gatheringId}. With an
 * `authorName` and a participant, tldraw shows that name on the note as its first writer.
 * A note already holding `facts.id` is left as it is (a repeated reveal writes nothing).
 *
 * @returns the note's id, or null when `frameId` names no frame.
 */
export function newNoteInFrame(doc: Y.Doc, facts: NoteFacts): string | null {
  const size = frameSize(doc, facts.frameId);
  if (!size) return null;
  const id = facts.id ?? newId('shape');
  if (recordsOf(doc).has(id)) return id;
  doc.transact(() => {
    const { boxes, topIndex } = childrenOf(doc, facts.frameId);
    const named = facts.participantId !== null && facts.group !== null && typeof facts.authorName === 'string' && facts.authorName !== '';
    if (named) ensureUserRecord(doc, facts.participantId as string, facts.authorName as string, facts.group as Group);
    writeNote(doc, facts, {
      id,
      parentId: facts.frameId,
      spot: spotInFrame(boxes, size, NOTE_SIZE),
      topIndex,
      firstWriter: named ? attributionId(facts.participantId as string) : null,
    });
  });
  return id;
}

/**
 * Writes a note on a page, outside any frame (a note written on the phone while no step
 * runs): at the first free spot in rows of a step frame's width from the page's origin, so
 * below the agenda's frames and not over anything; above the page's shapes, with the same
 * colour and meta as newNoteInFrame and no name on it. Returns its id.
 */
export function newNoteOnPage(doc: Y.Doc, facts: PageNoteFacts): string {
  return newNotesOnPage(doc, facts.pageId, [facts])[0];
}

/**
 * Writes many notes on one page as newNoteOnPage writes one (statements imported from a
 * file), in one transaction and one pass over the page's free spots. Returns their ids, in order.
 */
export function newNotesOnPage(doc: Y.Doc, pageId: string, notes: ReadonlyArray<Omit<PageNoteFacts, 'pageId'>>): string[] {
  const ids: string[] = [];
  doc.transact(() => {
    const { boxes, topIndex } = childrenOf(doc, pageId);
    const rows = { w: STEP_FRAME_WIDTH, h: NOTE_GAP + MAX_PAGE_ROWS * (NOTE_SIZE + NOTE_GAP) };
    const spots = freeSpots(boxes, rows, NOTE_SIZE);
    let top = topIndex;
    for (const facts of notes) {
      const id = newId('shape');
      const next = spots.next();
      // A page full that far down: the note goes in the first spot, on top.
      const spot: Spot = next.done ? { x: NOTE_GAP, y: NOTE_GAP } : next.value;
      top = writeNote(doc, facts, { id, parentId: pageId, spot, topIndex: top, firstWriter: null });
      boxes.push({ ...spot, w: NOTE_SIZE, h: NOTE_SIZE });
      ids.push(id);
    }
  });
  return ids;
}

/** Replaces a note's text (a person editing their own note outside the canvas); false when there is no such note. */
export function updateNoteText(doc: Y.Doc, noteId: string, text: string): boolean {
  const record = recordsOf(doc).get(noteId);
  if (!(record instanceof Y.Map) || record.get('type') !== 'note') return false;
  const props = record.get('props');
  if (!isObject(props)) return false;
  record.set('props', { ...props, richText: toRichText(text.slice(0, MAX_RECORD_TEXT_CHARS)) });
  return true;
}

/**
 * Deletes a note with the bindings that hold on to it (an arrow pointing at it keeps its
 * place, as when tldraw deletes a note); false when there is no such note.
 */
export function removeNote(doc: Y.Doc, noteId: string): boolean {
  const records = recordsOf(doc);
  const record = records.get(noteId);
  if (!(record instanceof Y.Map) || record.get('type') !== 'note') return false;
  doc.transact(() => {
    const bindings: string[] = [];
    records.forEach((other, id) => {
      if (other instanceof Y.Map && other.get('typeName') === 'binding' && (other.get('fromId') === noteId || other.get('toId') === noteId)) bindings.push(id);
    });
    for (const id of bindings) records.delete(id);
    records.delete(noteId);
  });
  return true;
}
