import { toRichText } from '@tldraw/tlschema';
import { getIndexAbove, type IndexKey } from '@tldraw/utils';
import * as Y from 'yjs';
import { recordsOf } from '../schema';
import { MAX_RECORD_TEXT_CHARS } from './canvasRules';
import { GROUP_STYLES, type Group } from './groups';
import { newId } from './ids';

/**
 * Notes written without tldraw: the phone view writes a person's note into the current
 * step's frame, and the server's reveal moves drafts there. The records are the ones the
 * canvas writes (client/canvas/authorship.ts stamps the meta, client/canvas/stepFrame.ts
 * finds the free spot), so the gate's canvas rules and tldraw's validators treat them alike.
 */

/** A note's side before any text makes it grow, in page units (tldraw's NOTE_SIZE). */
export const NOTE_SIZE = 200;
/** Room kept between notes, and between notes and the frame's edges (as on the canvas). */
const GAP = 24;
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

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * The box a child of a frame covers, in the frame's coordinates, from its stored record:
 * shapes with a width and height give theirs, a note its grown height, anything else (a
 * drawing, an arrow) is taken as a note's size so that it is not written over.
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

interface FrameChildren {
  boxes: Rect[];
  topIndex: string | null;
}

function childrenOf(doc: Y.Doc, frameId: string): FrameChildren {
  const boxes: Rect[] = [];
  let topIndex: string | null = null;
  recordsOf(doc).forEach((record) => {
    if (!(record instanceof Y.Map) || record.get('typeName') !== 'shape' || record.get('parentId') !== frameId) return;
    const box = boxOf(record);
    if (box) boxes.push(box);
    const index = record.get('index');
    if (typeof index === 'string' && (topIndex === null || index > topIndex)) topIndex = index;
  });
  return { boxes, topIndex };
}

/** A spot inside a frame of `width`×`height` where a note covers nothing else, row by row (as the canvas finds one). */
function freeSpot(taken: readonly Rect[], width: number, height: number): { x: number; y: number } {
  for (let y = GAP; y + NOTE_SIZE <= height - GAP; y += NOTE_SIZE + GAP) {
    for (let x = GAP; x + NOTE_SIZE <= width - GAP; x += NOTE_SIZE + GAP) {
      const spot = { x, y, w: NOTE_SIZE, h: NOTE_SIZE };
      if (!taken.some((rect) => overlaps(rect, spot))) return { x, y };
    }
  }
  // A full frame: the new note goes on top, a little offset from the last one.
  const shift = (taken.length * GAP) % Math.max(GAP, width - NOTE_SIZE - 2 * GAP);
  return { x: GAP + shift, y: GAP + shift };
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
    const spot = freeSpot(boxes, size.w, size.h);
    const named = facts.participantId !== null && facts.group !== null && typeof facts.authorName === 'string' && facts.authorName !== '';
    if (named) ensureUserRecord(doc, facts.participantId as string, facts.authorName as string, facts.group as Group);
    writeRecord(doc, {
      id,
      typeName: 'shape',
      type: 'note',
      x: spot.x,
      y: spot.y,
      rotation: 0,
      index: getIndexAbove((topIndex as IndexKey | null) ?? null),
      parentId: facts.frameId,
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
        textFirstEditedBy: named ? attributionId(facts.participantId as string) : null,
      },
      meta: { group: facts.group, participantId: facts.participantId, gatheringId: facts.gatheringId },
    });
  });
  return id;
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
