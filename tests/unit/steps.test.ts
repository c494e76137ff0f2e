import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { TLShapeId } from 'tldraw';
import { addGathering, currentGatheringId, setCurrentGathering } from '../../shared/domain/gatherings';
import { nextFrameBox, STEP_FRAME_GAP } from '../../shared/domain/stepFrames';
import {
  addStep, allStepsOf, currentStep, goToNextStep, MAX_STEP_ORDER_CHARS, moveStep, neighbourStep, removeStep, setCurrentStep, stepFactsProblem, stepOf,
  stepOfFrame, stepsOf, updateStep,
} from '../../shared/domain/steps';
import { startTimer, timerOf } from '../../shared/domain/timer';
import { recordProblem } from '../../shared/validate/records';
import { liveOf, recordsOf } from '../../shared/schema';
import { baseRecords, note } from './storeFixtures';

function writeRecord(doc: Y.Doc, record: object): void {
  const fields = new Y.Map<unknown>();
  recordsOf(doc).set((record as { id: string }).id, fields);
  for (const [key, value] of Object.entries(record)) fields.set(key, value);
}

/** A board with one gathering (on the first page) and a second on a page of its own. */
function board() {
  const doc = new Y.Doc();
  for (const record of baseRecords()) writeRecord(doc, record);
  const nuuk = addGathering(doc, { title: 'Nuuk' });
  const tasiilaq = addGathering(doc, { title: 'Tasiilaq' });
  return { doc, nuuk, tasiilaq };
}

const frame = (doc: Y.Doc, id: string | null) => (id ? recordsOf(doc).get(id)?.toJSON() : undefined) as Record<string, unknown> | undefined;
const titles = (doc: Y.Doc, gatheringId: string) => stepsOf(doc, gatheringId).map((step) => step.title);

function noteIn(doc: Y.Doc, parentId: string): string {
  const record = { ...note(undefined, 'Bevar havnen'), parentId, meta: { group: 'citizen', participantId: 'p1', gatheringId: null } };
  writeRecord(doc, record);
  return record.id;
}

describe('adding steps', () => {
  it('appends in order, each with a locked frame named after it on its gathering’s page that tldraw accepts', () => {
    const { doc, nuuk } = board();
    const first = addStep(doc, nuuk.id, { title: ' Hvad er særligt her? ', prompt: ' Skriv en ting pr. seddel ', durationSec: 600 });
    const second = addStep(doc, nuuk.id, { title: 'Hvor skal vi hen?' });
    expect(titles(doc, nuuk.id)).toEqual(['Hvad er særligt her?', 'Hvor skal vi hen?']);
    expect(first).toMatchObject({ gatheringId: nuuk.id, title: 'Hvad er særligt her?', prompt: 'Skriv en ting pr. seddel', durationSec: 600 });
    expect(second.durationSec).toBe(600);
    expect(second.prompt).toBe('');
    expect(second.order > first.order).toBe(true);
    for (const step of [first, second]) {
      const record = frame(doc, step.frameId);
      expect(record).toMatchObject({ typeName: 'shape', type: 'frame', parentId: nuuk.pageId, isLocked: true, props: { name: step.title } });
      expect(recordProblem(step.frameId!, record!, null)).toBeNull();
      expect(stepOfFrame(doc, step.frameId!)?.id).toBe(step.id);
    }
    expect(stepOf(doc, first.id)).toEqual(first);
  });

  it('puts each new frame right of the page’s frames, or where it is told', () => {
    const { doc, nuuk } = board();
    const first = addStep(doc, nuuk.id, { title: 'Et' });
    const second = addStep(doc, nuuk.id, { title: 'To' });
    const a = frame(doc, first.frameId)!;
    const b = frame(doc, second.frameId)!;
    expect(b.x).toBe((a.x as number) + (a.props as { w: number }).w + STEP_FRAME_GAP);
    expect(b.y).toBe(a.y);
    expect((b.index as string) > (a.index as string)).toBe(true);
    const placed = addStep(doc, nuuk.id, { title: 'Tre' }, { x: -500, y: 2000, w: 900, h: 1600 });
    expect(frame(doc, placed.frameId)).toMatchObject({ x: -500, y: 2000, props: { w: 900, h: 1600 } });
    expect(nextFrameBox(doc, nuuk.pageId).x).toBe((b.x as number) + (b.props as { w: number }).w + STEP_FRAME_GAP);
  });

  it('keeps each gathering’s agenda apart, on its own page', () => {
    const { doc, nuuk, tasiilaq } = board();
    addStep(doc, nuuk.id, { title: 'Nuuk 1' });
    const there = addStep(doc, tasiilaq.id, { title: 'Tasiilaq 1' });
    addStep(doc, nuuk.id, { title: 'Nuuk 2' });
    expect(titles(doc, nuuk.id)).toEqual(['Nuuk 1', 'Nuuk 2']);
    expect(titles(doc, tasiilaq.id)).toEqual(['Tasiilaq 1']);
    expect(frame(doc, there.frameId)?.parentId).toBe(tasiilaq.pageId);
    expect(allStepsOf(doc)).toHaveLength(3);
  });

  it('refuses facts that are not a step and a gathering that does not exist, writing nothing', () => {
    const { doc, nuuk } = board();
    const before = recordsOf(doc).size;
    expect(() => addStep(doc, nuuk.id, { title: '   ' })).toThrow(/title/);
    expect(() => addStep(doc, nuuk.id, { title: 'x'.repeat(201) })).toThrow(/title/);
    expect(() => addStep(doc, nuuk.id, { title: 'Ok', prompt: 'p'.repeat(1001) })).toThrow(/prompt/);
    expect(() => addStep(doc, nuuk.id, { title: 'Ok', durationSec: -1 })).toThrow(/duration/);
    expect(() => addStep(doc, nuuk.id, { title: 'Ok', durationSec: 1.5 })).toThrow(/duration/);
    expect(() => addStep(doc, nuuk.id, { title: 'Ok', durationSec: 24 * 3600 + 1 })).toThrow(/duration/);
    expect(() => addStep(doc, 'gathering:none', { title: 'Ok' })).toThrow(/gathering/);
    expect(allStepsOf(doc)).toEqual([]);
    expect(recordsOf(doc).size).toBe(before);
    expect(stepFactsProblem({ title: 'Ok', prompt: '', durationSec: 0 })).toBeNull();
    expect(stepFactsProblem({ durationSec: Number.NaN })).toBe('duration');
  });
});

describe('changing and ordering steps', () => {
  it('renames the frame with the step', () => {
    const { doc, nuuk } = board();
    const step = addStep(doc, nuuk.id, { title: 'Før' });
    updateStep(doc, step.id, { title: ' Efter ', prompt: 'Hvad nu?', durationSec: 120 });
    expect(stepOf(doc, step.id)).toMatchObject({ title: 'Efter', prompt: 'Hvad nu?', durationSec: 120 });
    expect(frame(doc, step.frameId)).toMatchObject({ props: { name: 'Efter' } });
    expect(recordProblem(step.frameId!, frame(doc, step.frameId)!, null)).toBeNull();
    expect(() => updateStep(doc, step.id, { title: '' })).toThrow(/title/);
    expect(stepOf(doc, step.id)?.title).toBe('Efter');
  });

  it('moves a step up and down, never past either end', () => {
    const { doc, nuuk } = board();
    const [a, b, c] = ['A', 'B', 'C'].map((title) => addStep(doc, nuuk.id, { title }));
    moveStep(doc, c.id, -1);
    expect(titles(doc, nuuk.id)).toEqual(['A', 'C', 'B']);
    moveStep(doc, c.id, -1);
    expect(titles(doc, nuuk.id)).toEqual(['C', 'A', 'B']);
    moveStep(doc, c.id, -1);
    expect(titles(doc, nuuk.id)).toEqual(['C', 'A', 'B']);
    moveStep(doc, a.id, 1);
    expect(titles(doc, nuuk.id)).toEqual(['C', 'B', 'A']);
    moveStep(doc, a.id, 1);
    expect(titles(doc, nuuk.id)).toEqual(['C', 'B', 'A']);
    moveStep(doc, b.id, 1);
    expect(titles(doc, nuuk.id)).toEqual(['C', 'A', 'B']);
  });

  it('a long run of moves keeps every order key short enough for the gate', () => {
    const { doc, nuuk } = board();
    for (const title of ['A', 'B', 'C', 'D']) addStep(doc, nuuk.id, { title });
    // The third step up, again and again: each new key goes between the first and the one
    // before it, halving their gap, so keys grow by a digit every few moves.
    for (let i = 0; i < 600; i++) moveStep(doc, stepsOf(doc, nuuk.id)[2].id, -1);
    const steps = stepsOf(doc, nuuk.id);
    expect(steps).toHaveLength(4);
    for (const step of steps) expect(step.order.length).toBeLessThanOrEqual(MAX_STEP_ORDER_CHARS);
    expect(new Set(steps.map((step) => step.order)).size).toBe(4);
  });

  it('two people reordering at once lose and duplicate no step', () => {
    const { doc, nuuk } = board();
    for (const title of ['A', 'B', 'C', 'D']) addStep(doc, nuuk.id, { title });
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const [, , c, d] = stepsOf(doc, nuuk.id);
    moveStep(doc, d.id, -1);
    moveStep(other, c.id, -1);
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    expect(titles(doc, nuuk.id)).toEqual(titles(other, nuuk.id));
    expect([...titles(doc, nuuk.id)].sort()).toEqual(['A', 'B', 'C', 'D']);
  });

  it('removes a step with its empty frame', () => {
    const { doc, nuuk } = board();
    const step = addStep(doc, nuuk.id, { title: 'Tom' });
    setCurrentStep(doc, step.id);
    removeStep(doc, step.id);
    expect(stepOf(doc, step.id)).toBeUndefined();
    expect(recordsOf(doc).has(step.frameId!)).toBe(false);
    expect(currentStep(doc)).toBeNull();
    expect(liveOf(doc).has('stepId')).toBe(false);
  });

  it('removes a step but keeps its frame, unlocked, when notes were written in it', () => {
    const { doc, nuuk } = board();
    const step = addStep(doc, nuuk.id, { title: 'Fuld' });
    const other = addStep(doc, nuuk.id, { title: 'Anden' });
    setCurrentStep(doc, other.id);
    const written = noteIn(doc, step.frameId!);
    removeStep(doc, step.id);
    expect(stepOf(doc, step.id)).toBeUndefined();
    expect(frame(doc, step.frameId)).toMatchObject({ type: 'frame', isLocked: false });
    expect(recordsOf(doc).get(written)?.get('parentId')).toBe(step.frameId);
    expect(stepOfFrame(doc, step.frameId!)).toBeUndefined();
    // Another step stays current.
    expect(currentStep(doc)?.id).toBe(other.id);
  });
});

describe('the current step', () => {
  it('none at first; the next step is the first one', () => {
    const { doc, nuuk } = board();
    expect(currentStep(doc)).toBeNull();
    expect(neighbourStep(doc, 1)).toBeNull();
    const first = addStep(doc, nuuk.id, { title: 'Første' });
    expect(neighbourStep(doc, 1)?.id).toBe(first.id);
    expect(neighbourStep(doc, -1)).toBeNull();
  });

  it('setting it resets the timer to its duration; going on walks the agenda to its end', () => {
    const { doc, nuuk } = board();
    const [a, b, c] = [300, 600, 900].map((durationSec, i) => addStep(doc, nuuk.id, { title: `Trin ${i + 1}`, durationSec }));
    expect(goToNextStep(doc)).toBe(true);
    expect(currentStep(doc)?.id).toBe(a.id);
    expect(timerOf(doc)).toEqual({ status: 'idle', durationMs: 300_000, endsAt: null, remainingMs: 300_000 });
    startTimer(doc, 1_000);
    // Setting the step that is already current leaves its running timer alone.
    setCurrentStep(doc, a.id);
    expect(timerOf(doc).status).toBe('running');
    expect(goToNextStep(doc)).toBe(true);
    expect(currentStep(doc)?.id).toBe(b.id);
    expect(timerOf(doc)).toMatchObject({ status: 'idle', remainingMs: 600_000 });
    expect(neighbourStep(doc, -1)?.id).toBe(a.id);
    expect(neighbourStep(doc, 1)?.id).toBe(c.id);
    expect(goToNextStep(doc)).toBe(true);
    expect(goToNextStep(doc)).toBe(false);
    expect(currentStep(doc)?.id).toBe(c.id);
    setCurrentStep(doc, null);
    expect(currentStep(doc)).toBeNull();
  });

  it('a step of another gathering brings its gathering along; another gathering hides the step', () => {
    const { doc, nuuk, tasiilaq } = board();
    addStep(doc, nuuk.id, { title: 'Nuuk 1' });
    const there = addStep(doc, tasiilaq.id, { title: 'Tasiilaq 1' });
    expect(currentGatheringId(doc)).toBe(nuuk.id);
    setCurrentStep(doc, there.id);
    expect(currentGatheringId(doc)).toBe(tasiilaq.id);
    expect(currentStep(doc)?.id).toBe(there.id);
    setCurrentGathering(doc, nuuk.id);
    expect(currentStep(doc)).toBeNull();
    // Going on from no step in Nuuk starts at Nuuk's first.
    expect(neighbourStep(doc, 1)?.title).toBe('Nuuk 1');
  });

  it('an unknown step changes nothing', () => {
    const { doc, nuuk } = board();
    const step = addStep(doc, nuuk.id, { title: 'Et' });
    setCurrentStep(doc, step.id);
    setCurrentStep(doc, 'step:none');
    expect(currentStep(doc)?.id).toBe(step.id);
  });

  it('a frame that is not a step’s is nobody’s', () => {
    const { doc } = board();
    expect(stepOfFrame(doc, 'shape:loose' as TLShapeId)).toBeUndefined();
  });
});
