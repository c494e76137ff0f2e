import { describe, expect, it } from 'vitest';
import { THREAD_COLORS, threadColor } from '../../shared/weave/threadColors';
import { pathEnds, smoothPath, strandsOnPage, type Box } from '../../client/canvas/threadStrands';

const boxes: Record<string, Box> = {
  a: { x: 0, y: 0, w: 200, h: 200 },
  b: { x: 400, y: 100, w: 200, h: 200 },
  c: { x: 100, y: 500, w: 200, h: 200 },
};
const onPage = (noteId: string): Box | null => boxes[noteId] ?? null;

describe('threads drawn as strands on the canvas', () => {
  it('runs a strand through the centres of the thread’s notes on this page, in the thread’s order', () => {
    const [strand] = strandsOnPage([{ id: 'thread:1', title: 'Winter harbour', noteIds: ['c', 'elsewhere', 'a', 'b'] }], onPage);
    expect(strand.points).toEqual([
      { x: 200, y: 600 },
      { x: 100, y: 100 },
      { x: 500, y: 200 },
    ]);
    // Order numbers are the notes' places in the whole thread, notes on other pages counted.
    expect(strand.notes.map((note) => [note.noteId, note.order])).toEqual([
      ['c', 1],
      ['a', 3],
      ['b', 4],
    ]);
    expect(pathEnds(strand.path)).toEqual(strand.points);
  });

  it('draws no path for a single note on the page, and no strand for a thread with none here', () => {
    const strands = strandsOnPage(
      [
        { id: 'thread:1', title: 'One here', noteIds: ['a', 'elsewhere'] },
        { id: 'thread:2', title: 'None here', noteIds: ['elsewhere'] },
      ],
      onPage,
    );
    expect(strands.map((strand) => strand.threadId)).toEqual(['thread:1']);
    expect(strands[0].path).toBe('');
    expect(strands[0].notes).toHaveLength(1);
  });

  it('gives each thread the colour of its place among all threads, also when earlier ones have nothing on this page', () => {
    const strands = strandsOnPage(
      [
        { id: 'thread:1', title: 'Elsewhere', noteIds: ['elsewhere'] },
        { id: 'thread:2', title: 'Here', noteIds: ['a', 'b'] },
      ],
      onPage,
    );
    expect(strands[0].color).toBe(threadColor(1));
    expect(threadColor(THREAD_COLORS.length)).toBe(threadColor(0));
    expect(new Set(THREAD_COLORS).size).toBe(THREAD_COLORS.length);
  });

  it('bends smoothly: every segment is a cubic curve that ends at the next note', () => {
    const path = smoothPath([
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 100, y: 100 },
    ]);
    expect(path.startsWith('M 0 0 C ')).toBe(true);
    expect(path.match(/C /g)).toHaveLength(2);
    expect(pathEnds(path)).toEqual([
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 100, y: 100 },
    ]);
    expect(smoothPath([{ x: 1, y: 1 }])).toBe('');
  });
});
