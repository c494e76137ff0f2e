import { threadColor } from '../../shared/weave/threadColors';

/** A point on the page, in page coordinates. */
export interface Point {
  x: number;
  y: number;
}

/** Where a note sits on the page, in page coordinates. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A thread's strand on one page: through its notes there, in the thread's order. */
export interface Strand {
  threadId: string;
  title: string;
  color: string;
  /** The notes of the thread on this page, in the thread's order, with where they sit. */
  notes: Array<{ noteId: string; box: Box; order: number }>;
  /** The centres of those notes, which the path runs through. */
  points: Point[];
  /** An SVG path through the points (empty when fewer than two notes are on the page). */
  path: string;
}

/** What a strand is drawn from: a thread with its linked notes in order. */
export interface StrandThread {
  id: string;
  title: string;
  noteIds: readonly string[];
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function pair(point: Point): string {
  return `${round(point.x)} ${round(point.y)}`;
}

/**
 * A smooth path through every point in turn (a Catmull-Rom spline as cubic Béziers), so a
 * strand bends through its notes like a thread rather than zigzagging; each note's centre
 * is the end of one segment, so the path passes exactly through it.
 */
export function smoothPath(points: readonly Point[]): string {
  if (points.length < 2) return '';
  let path = `M ${pair(points[0])}`;
  for (let i = 0; i < points.length - 1; i++) {
    const before = points[i - 1] ?? points[i];
    const from = points[i];
    const to = points[i + 1];
    const after = points[i + 2] ?? to;
    const first = { x: from.x + (to.x - before.x) / 6, y: from.y + (to.y - before.y) / 6 };
    const second = { x: to.x - (after.x - from.x) / 6, y: to.y - (after.y - from.y) / 6 };
    path += ` C ${pair(first)} ${pair(second)} ${pair(to)}`;
  }
  return path;
}

/**
 * The strands of every thread on one page. `boxOf` gives where a note sits when it is on the
 * page (null when it is elsewhere or gone); a thread with none of its notes here has no
 * strand. Each thread keeps its colour from its place among all threads.
 */
export function strandsOnPage(threads: readonly StrandThread[], boxOf: (noteId: string) => Box | null): Strand[] {
  const strands: Strand[] = [];
  threads.forEach((thread, index) => {
    const notes: Strand['notes'] = [];
    thread.noteIds.forEach((noteId, order) => {
      const box = boxOf(noteId);
      if (box) notes.push({ noteId, box, order: order + 1 });
    });
    if (notes.length === 0) return;
    const points = notes.map(({ box }) => ({ x: box.x + box.w / 2, y: box.y + box.h / 2 }));
    strands.push({ threadId: thread.id, title: thread.title, color: threadColor(index), notes, points, path: smoothPath(points) });
  });
  return strands;
}

/** The points a path passes through: the start and every segment's end. */
export function pathEnds(path: string): Point[] {
  const numbers = path.match(/-?\d+(?:\.\d+)?/g)?.map(Number) ?? [];
  if (numbers.length < 2) return [];
  const ends: Point[] = [{ x: numbers[0], y: numbers[1] }];
  for (let i = 2; i + 5 < numbers.length; i += 6) ends.push({ x: numbers[i + 4], y: numbers[i + 5] });
  return ends;
}
