/**
 * Where a new note goes without covering anything: the one search the canvas
 * (client/canvas/stepFrame.ts, which measures shapes with the editor) and the notes written
 * without tldraw (noteRecords.ts, which reads their stored records) share, over plain
 * rectangles, so that a note lands in the same spot whichever way it was written.
 */

/** A box in the coordinates of the area searched (a frame's own, or the page's). */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Spot {
  x: number;
  y: number;
}

/** Room kept between notes, and between notes and the area's edges (as on the canvas). */
export const NOTE_GAP = 24;

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * The first spot, row by row from the top left, where a `size`×`size` note inside an area of
 * `area.w`×`area.h` covers none of `taken`, keeping NOTE_GAP from the edges and between
 * candidates; null when every spot is covered.
 */
export function freeSpot(taken: readonly Rect[], area: { w: number; h: number }, size: number): Spot | null {
  const first = freeSpots(taken, area, size).next();
  return first.done ? null : first.value;
}

/**
 * The free spots in the order freeSpot finds them, each checked against `taken` as it stands
 * when the spot is reached: a caller placing many notes adds each one's box to `taken` and
 * asks for the next, so the search goes over the area once instead of once per note.
 */
export function* freeSpots(taken: readonly Rect[], area: { w: number; h: number }, size: number): Generator<Spot, void, undefined> {
  for (let y = NOTE_GAP; y + size <= area.h - NOTE_GAP; y += size + NOTE_GAP) {
    for (let x = NOTE_GAP; x + size <= area.w - NOTE_GAP; x += size + NOTE_GAP) {
      const candidate = { x, y, w: size, h: size };
      if (!taken.some((rect) => overlaps(rect, candidate))) yield { x, y };
    }
  }
}

/**
 * A spot for a note in a frame: the first free one, or, in a full frame, on top near the top
 * left, a little further along for every shape already there so that stacked notes stay apart.
 */
export function spotInFrame(taken: readonly Rect[], frame: { w: number; h: number }, size: number): Spot {
  const free = freeSpot(taken, frame, size);
  if (free) return free;
  const shift = (taken.length * NOTE_GAP) % Math.max(NOTE_GAP, frame.w - size - 2 * NOTE_GAP);
  return { x: NOTE_GAP + shift, y: NOTE_GAP + shift };
}
