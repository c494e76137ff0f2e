import { toRichText } from '@tldraw/tlschema';
import { getIndexAbove, type IndexKey } from '@tldraw/utils';
import * as Y from 'yjs';
import { MAX_RECORD_TEXT_CHARS } from '../../shared/domain/canvasRules';
import { GROUP_STYLES, type Group } from '../../shared/domain/groups';
import { newId } from '../../shared/domain/ids';
import { NOTE_SIZE } from '../../shared/domain/noteRecords';
import { recordsOf } from '../../shared/schema';

/**
 * A note written on the phone while no step is running goes on the gathering's page, at the
 * first free spot in rows of a frame's width from the page's origin (the rule the step
 * frames use, newNoteInFrame): below the agenda's frames, not over anything.
 *
 * TODO(domain): this belongs beside newNoteInFrame in shared/domain/noteRecords.ts as its page variant.
 */

/** Room kept between notes (as on the canvas). */
const GAP = 24;
/** The width of the rows searched for a free spot: a step frame's. */
const ROW_WIDTH = 1200;
/** How far down the page the search goes before giving up and stacking. */
const MAX_ROWS = 400;

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function boxOf(record: Y.Map<unknown>): Rect | null {
  const x = record.get('x');
  const y = record.get('y');
  if (typeof x !== 'number' || typeof y !== 'number') return null;
  const props = record.get('props') as Record<string, unknown> | undefined;
  const scale = typeof props?.scale === 'number' && props.scale > 0 ? props.scale : 1;
  if (record.get('type') === 'note') {
    const growY = typeof props?.growY === 'number' ? props.growY : 0;
    return { x, y, w: NOTE_SIZE * scale, h: (NOTE_SIZE + growY) * scale };
  }
  if (typeof props?.w === 'number' && typeof props.h === 'number') return { x, y, w: props.w * scale, h: props.h * scale };
  return { x, y, w: NOTE_SIZE, h: NOTE_SIZE };
}

/** What a note written on a page carries (see NoteFacts in noteRecords.ts). */
export interface PageNoteFacts {
  pageId: string;
  text: string;
  group: Group | null;
  participantId: string | null;
  gatheringId: string | null;
}

/** Writes a note on a page at a free spot, in the group's colour, with the canvas's authorship meta; returns its id. */
export function newNoteOnPage(doc: Y.Doc, facts: PageNoteFacts): string {
  const id = newId('shape');
  doc.transact(() => {
    const taken: Rect[] = [];
    let topIndex: string | null = null;
    recordsOf(doc).forEach((record) => {
      if (!(record instanceof Y.Map) || record.get('typeName') !== 'shape' || record.get('parentId') !== facts.pageId) return;
      const box = boxOf(record);
      if (box) taken.push(box);
      const index = record.get('index');
      if (typeof index === 'string' && (topIndex === null || index > topIndex)) topIndex = index;
    });
    let spot = { x: GAP, y: GAP };
    search: for (let row = 0; row < MAX_ROWS; row++) {
      const y = GAP + row * (NOTE_SIZE + GAP);
      for (let x = GAP; x + NOTE_SIZE <= ROW_WIDTH - GAP; x += NOTE_SIZE + GAP) {
        const candidate = { x, y, w: NOTE_SIZE, h: NOTE_SIZE };
        if (!taken.some((rect) => overlaps(rect, candidate))) {
          spot = { x, y };
          break search;
        }
      }
    }
    const fields = new Y.Map<unknown>();
    recordsOf(doc).set(id, fields);
    const record: Record<string, unknown> = {
      id,
      typeName: 'shape',
      type: 'note',
      x: spot.x,
      y: spot.y,
      rotation: 0,
      index: getIndexAbove((topIndex as IndexKey | null) ?? null),
      parentId: facts.pageId,
      isLocked: false,
      opacity: 1,
      props: {
        color: facts.group ? GROUP_STYLES[facts.group].canvasColor : 'yellow',
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
        textFirstEditedBy: null,
      },
      meta: { group: facts.group, participantId: facts.participantId, gatheringId: facts.gatheringId },
    };
    for (const [key, value] of Object.entries(record)) fields.set(key, value);
  });
  return id;
}
