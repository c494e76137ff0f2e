import { createShapeId } from '@tldraw/tlschema';
import { getIndexAbove, type IndexKey } from '@tldraw/utils';
import * as Y from 'yjs';
import { recordsOf } from '../schema';

/**
 * The frames of a gathering's agenda on its page (steps.ts): each step has one, side by side
 * on a line, locked so that nobody drags the agenda around, named after the step.
 */

/** Where a step's frame goes on the page, in page coordinates. */
export interface FrameBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A new step's frame, and the room left between frames, in page units. */
export const STEP_FRAME_WIDTH = 1200;
export const STEP_FRAME_HEIGHT = 800;
export const STEP_FRAME_GAP = 200;

interface PageShape {
  id: string;
  index: string;
  box: FrameBox | null;
}

/** The shapes sitting directly on a page, with the boxes of its frames. */
function shapesOnPage(doc: Y.Doc, pageId: string): PageShape[] {
  const shapes: PageShape[] = [];
  recordsOf(doc).forEach((record, id) => {
    if (!(record instanceof Y.Map) || record.get('typeName') !== 'shape' || record.get('parentId') !== pageId) return;
    const index = record.get('index');
    const props = record.get('props') as { w?: unknown; h?: unknown } | undefined;
    const x = record.get('x');
    const y = record.get('y');
    const box =
      record.get('type') === 'frame' && typeof x === 'number' && typeof y === 'number' && typeof props?.w === 'number' && typeof props?.h === 'number'
        ? { x, y, w: props.w, h: props.h }
        : null;
    shapes.push({ id, index: typeof index === 'string' ? index : 'a1', box });
  });
  return shapes;
}

/** Where the next step frame of a page goes: right of every frame there, on the same line. */
export function nextFrameBox(doc: Y.Doc, pageId: string): FrameBox {
  const boxes = shapesOnPage(doc, pageId).flatMap((shape) => (shape.box ? [shape.box] : []));
  if (boxes.length === 0) return { x: 0, y: 0, w: STEP_FRAME_WIDTH, h: STEP_FRAME_HEIGHT };
  const right = Math.max(...boxes.map((box) => box.x + box.w));
  const top = Math.min(...boxes.map((box) => box.y));
  return { x: right + STEP_FRAME_GAP, y: top, w: STEP_FRAME_WIDTH, h: STEP_FRAME_HEIGHT };
}

/** Writes a locked frame named `name` on `pageId`, above every shape there; returns its id. */
export function writeStepFrame(doc: Y.Doc, pageId: string, name: string, box: FrameBox): string {
  const id = createShapeId();
  const top = shapesOnPage(doc, pageId)
    .map((shape) => shape.index)
    .sort()
    .at(-1);
  const record = {
    id,
    typeName: 'shape',
    type: 'frame',
    x: box.x,
    y: box.y,
    rotation: 0,
    index: getIndexAbove((top as IndexKey | undefined) ?? null),
    parentId: pageId,
    // Locked, so that nobody drags the agenda's frames around by accident; notes still land in them.
    isLocked: true,
    opacity: 1,
    props: { w: box.w, h: box.h, name, color: 'black' },
    meta: {},
  };
  const fields = new Y.Map<unknown>();
  recordsOf(doc).set(id, fields);
  for (const [key, value] of Object.entries(record)) fields.set(key, value);
  return id;
}

/** Gives a step's frame its step's new title; nothing when `frameId` names no record. */
export function renameStepFrame(doc: Y.Doc, frameId: string, title: string): void {
  const frame = recordsOf(doc).get(frameId);
  const props = frame?.get('props');
  if (frame && typeof props === 'object' && props !== null) frame.set('props', { ...props, name: title });
}

/**
 * What becomes of a removed step's frame: it goes when nothing was written in it; a frame
 * holding shapes stays on the page, unlocked, so that nothing anyone wrote is lost.
 */
export function removeStepFrame(doc: Y.Doc, frameId: string): void {
  const records = recordsOf(doc);
  if (!records.get(frameId)) return;
  let holdsShapes = false;
  records.forEach((record) => {
    if (record instanceof Y.Map && record.get('parentId') === frameId) holdsShapes = true;
  });
  if (holdsShapes) records.get(frameId)?.set('isLocked', false);
  else records.delete(frameId);
}
