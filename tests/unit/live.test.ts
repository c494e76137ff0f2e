import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bringEveryoneTo, joinCornerShown, setJoinCornerShown, summonsOf, summonsProblem } from '../../shared/domain/live';
import { liveOf } from '../../shared/schema';

const place = { pageId: 'page:page', x: -200, y: 100, w: 1440, h: 900 };

/** A second device that receives every change of `doc`, as a participant's would. */
function follower(doc: Y.Doc): Y.Doc {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  doc.on('update', (update: Uint8Array) => Y.applyUpdate(other, update));
  return other;
}

describe('bring everyone here', () => {
  it('nothing to follow until the facilitator asks', () => {
    expect(summonsOf(new Y.Doc())).toBeNull();
  });

  it('every device reads the place, and a second call to the same place is a new summons', () => {
    const doc = new Y.Doc();
    const participant = follower(doc);
    const seen: string[] = [];
    liveOf(participant).observe(() => {
      const summons = summonsOf(participant);
      if (summons) seen.push(summons.id);
    });
    const first = bringEveryoneTo(doc, place);
    expect(summonsOf(participant)).toEqual({ ...place, id: first.id });
    expect(summonsProblem(first)).toBeNull();
    const second = bringEveryoneTo(doc, place);
    expect(second.id).not.toBe(first.id);
    expect(seen).toEqual([first.id, second.id]);
    const elsewhere = bringEveryoneTo(doc, { pageId: 'page:tasiilaq', x: 0, y: 0, w: 390, h: 844 });
    expect(summonsOf(participant)).toMatchObject({ pageId: 'page:tasiilaq', w: 390, h: 844 });
    expect(summonsOf(participant)?.id).toBe(elsewhere.id);
  });

  it('refuses to write a place that is none (a collapsed view, not a page), writing nothing', () => {
    const doc = new Y.Doc();
    let updates = 0;
    doc.on('update', () => updates++);
    expect(() => bringEveryoneTo(doc, { ...place, w: 0 })).toThrow(/box/);
    expect(() => bringEveryoneTo(doc, { ...place, x: Number.NaN })).toThrow(/box/);
    expect(() => bringEveryoneTo(doc, { ...place, pageId: 'shape:frame' })).toThrow(/pageId/);
    expect(updates).toBe(0);
    expect(summonsOf(doc)).toBeNull();
  });

  it('a broken value is no summons, and the validator says why', () => {
    const doc = new Y.Doc();
    liveOf(doc).set('bringHere', { ...place, id: 's', w: 0 });
    expect(summonsOf(doc)).toBeNull();
    expect(summonsProblem(null)).toBe('shape');
    expect(summonsProblem([])).toBe('shape');
    expect(summonsProblem({ ...place })).toBe('shape');
    expect(summonsProblem({ ...place, id: 's', extra: true })).toBe('shape');
    expect(summonsProblem({ ...place, id: 'x'.repeat(65) })).toBe('id');
    expect(summonsProblem({ ...place, id: 's', pageId: 'shape:x' })).toBe('pageId');
    expect(summonsProblem({ ...place, id: 's', x: Number.NaN })).toBe('box');
    expect(summonsProblem({ ...place, id: 's', h: -1 })).toBe('box');
    expect(summonsProblem({ ...place, id: 's', y: '5' })).toBe('box');
  });
});

describe('the projector’s join corner', () => {
  it('is shown until the facilitator hides it, and comes back when asked', () => {
    const doc = new Y.Doc();
    const projector = follower(doc);
    expect(joinCornerShown(projector)).toBe(true);
    setJoinCornerShown(doc, false);
    expect(joinCornerShown(projector)).toBe(false);
    setJoinCornerShown(doc, true);
    expect(joinCornerShown(projector)).toBe(true);
  });

  it('writes nothing when it already is as asked', () => {
    const doc = new Y.Doc();
    let updates = 0;
    doc.on('update', () => updates++);
    setJoinCornerShown(doc, true);
    expect(updates).toBe(0);
    setJoinCornerShown(doc, false);
    setJoinCornerShown(doc, false);
    expect(updates).toBe(1);
  });
});
