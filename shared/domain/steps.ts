import * as Y from 'yjs';
import { liveOf, stepsMapOf } from '../schema';
import { currentGatheringId, gatheringOf } from './gatherings';
import { newId, orderKeysAfter, ordersForMove } from './ids';
import { nextFrameBox, removeStepFrame, renameStepFrame, writeStepFrame, type FrameBox } from './stepFrames';
import { resetTimer } from './timer';

/**
 * The agenda of a gathering: ordered steps, each with the question people answer (its
 * prompt), a duration and a frame of its own on the gathering's page. The facilitator moves
 * from step to step; everyone sees the current step, and a note written during a step lands
 * in its frame. Where the frames go on the page, and what becomes of them, is stepFrames.ts.
 */
export interface Step {
  id: string;
  gatheringId: string;
  title: string;
  /** The question people answer during the step; may be empty. */
  prompt: string;
  /** How long the step is planned to take, in seconds (the timer starts from it). */
  durationSec: number;
  /** Fractional index: steps of a gathering are shown and run in this order. */
  order: string;
  /** The frame shape of the step on the gathering's page, or null when it has none. */
  frameId: string | null;
  /**
   * Whether what people write in the step stays in their private documents (drafts.ts) until
   * the facilitator reveals it.
   */
  private: boolean;
  /** When the server revealed the step's drafts (server ms), or null; only the server writes it. */
  revealedAt: number | null;
}

/** What the facilitator gives a step. */
export interface StepFacts {
  title: string;
  prompt?: string;
  durationSec?: number;
}

export const MAX_STEP_TITLE_CHARS = 200;
export const MAX_STEP_PROMPT_CHARS = 1_000;
/** Longest planned step: a whole day. */
export const MAX_STEP_DURATION_SEC = 24 * 60 * 60;
/** A step's duration when none is given. */
export const DEFAULT_STEP_DURATION_SEC = 10 * 60;
/** Longest order key of a step (the gate refuses longer ones): a long run of moves renumbers the agenda. */
export const MAX_STEP_ORDER_CHARS = 64;

/** The `live` key of the current step. */
const CURRENT_STEP_KEY = 'stepId';

/** Why step facts are not acceptable, or null when they are. */
export function stepFactsProblem(facts: Partial<StepFacts>): 'title' | 'prompt' | 'duration' | null {
  if (facts.title !== undefined && (typeof facts.title !== 'string' || !facts.title.trim() || facts.title.length > MAX_STEP_TITLE_CHARS)) return 'title';
  if (facts.prompt !== undefined && (typeof facts.prompt !== 'string' || facts.prompt.length > MAX_STEP_PROMPT_CHARS)) return 'prompt';
  if (
    facts.durationSec !== undefined &&
    (typeof facts.durationSec !== 'number' || !Number.isInteger(facts.durationSec) || facts.durationSec < 0 || facts.durationSec > MAX_STEP_DURATION_SEC)
  ) {
    return 'duration';
  }
  return null;
}

function stepFrom(id: string, fields: Y.Map<unknown>): Step | null {
  const gatheringId = fields.get('gatheringId');
  const title = fields.get('title');
  if (typeof gatheringId !== 'string' || typeof title !== 'string') return null;
  const prompt = fields.get('prompt');
  const durationSec = fields.get('durationSec');
  const order = fields.get('order');
  const frameId = fields.get('frameId');
  const revealedAt = fields.get('revealedAt');
  return {
    id,
    gatheringId,
    title,
    prompt: typeof prompt === 'string' ? prompt : '',
    durationSec: typeof durationSec === 'number' && Number.isFinite(durationSec) && durationSec >= 0 ? durationSec : DEFAULT_STEP_DURATION_SEC,
    order: typeof order === 'string' ? order : 'a0',
    frameId: typeof frameId === 'string' ? frameId : null,
    private: fields.get('private') === true,
    revealedAt: typeof revealedAt === 'number' && Number.isFinite(revealedAt) ? revealedAt : null,
  };
}

/** Every step of every gathering, each gathering's in order. */
export function allStepsOf(doc: Y.Doc): Step[] {
  const list: Step[] = [];
  stepsMapOf(doc).forEach((fields, id) => {
    if (!(fields instanceof Y.Map)) return;
    const step = stepFrom(id, fields);
    if (step) list.push(step);
  });
  return list.sort((a, b) =>
    a.gatheringId !== b.gatheringId ? (a.gatheringId < b.gatheringId ? -1 : 1) : a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : 1,
  );
}

/** The steps of one gathering, in order. */
export function stepsOf(doc: Y.Doc, gatheringId: string): Step[] {
  return allStepsOf(doc).filter((step) => step.gatheringId === gatheringId);
}

/** One step by id. */
export function stepOf(doc: Y.Doc, id: string): Step | undefined {
  const fields = stepsMapOf(doc).get(id);
  return fields instanceof Y.Map ? (stepFrom(id, fields) ?? undefined) : undefined;
}

/** The step everyone is on: the facilitator's current one, when it belongs to the current gathering. */
export function currentStep(doc: Y.Doc): Step | null {
  const id = liveOf(doc).get(CURRENT_STEP_KEY);
  if (typeof id !== 'string') return null;
  const step = stepOf(doc, id);
  return step && step.gatheringId === currentGatheringId(doc) ? step : null;
}

/** Moves everyone to a step (and to its gathering); the timer is set to the step's duration. */
export function setCurrentStep(doc: Y.Doc, id: string | null): void {
  doc.transact(() => {
    const live = liveOf(doc);
    if (id === null) {
      live.delete(CURRENT_STEP_KEY);
      return;
    }
    const step = stepOf(doc, id);
    const gathering = step ? gatheringOf(doc, step.gatheringId) : undefined;
    if (!step || !gathering || gathering.archived) return;
    if (live.get(CURRENT_STEP_KEY) !== id) {
      live.set(CURRENT_STEP_KEY, id);
      resetTimer(doc, step.durationSec * 1000);
    }
    if (live.get('gatheringId') !== gathering.id) live.set('gatheringId', gathering.id);
  });
}

/** The step after (+1) or before (-1) the current one in the current gathering, or its first when none is current. */
export function neighbourStep(doc: Y.Doc, direction: -1 | 1): Step | null {
  const gatheringId = currentGatheringId(doc);
  if (!gatheringId) return null;
  const steps = stepsOf(doc, gatheringId);
  const current = currentStep(doc);
  if (!current) return direction === 1 ? (steps[0] ?? null) : null;
  return steps[steps.findIndex((step) => step.id === current.id) + direction] ?? null;
}

/** Moves everyone to the next step of the current gathering; false when there is none. */
export function goToNextStep(doc: Y.Doc): boolean {
  const next = neighbourStep(doc, 1);
  if (next) setCurrentStep(doc, next.id);
  return next !== null;
}

/**
 * Adds a step at the end of a gathering's agenda, with a frame of its own on the gathering's
 * page (at `box`, or right of the page's frames). Returns the step.
 */
export function addStep(doc: Y.Doc, gatheringId: string, facts: StepFacts, box?: FrameBox): Step {
  const problem = stepFactsProblem(facts);
  if (problem) throw new Error(`invalid step ${problem}`);
  const gathering = gatheringOf(doc, gatheringId);
  if (!gathering) throw new Error('unknown gathering');
  const id = newId('step');
  let created!: Step;
  doc.transact(() => {
    const [order] = orderKeysAfter(stepsOf(doc, gatheringId).at(-1)?.order ?? null, 1);
    const title = facts.title.trim();
    const frameId = writeStepFrame(doc, gathering.pageId, title, box ?? nextFrameBox(doc, gathering.pageId));
    created = {
      id,
      gatheringId,
      title,
      prompt: facts.prompt?.trim() ?? '',
      durationSec: facts.durationSec ?? DEFAULT_STEP_DURATION_SEC,
      order,
      frameId,
      private: false,
      revealedAt: null,
    };
    const fields = new Y.Map<unknown>();
    stepsMapOf(doc).set(id, fields);
    // The reveal time is the server's alone (runRules.ts); a new step has none.
    for (const [key, value] of Object.entries(created)) if (key !== 'id' && key !== 'revealedAt') fields.set(key, value);
  });
  return created;
}

/** Changes a step's title, prompt or duration; its frame takes the new title. */
export function updateStep(doc: Y.Doc, id: string, facts: Partial<StepFacts>): void {
  const problem = stepFactsProblem(facts);
  if (problem) throw new Error(`invalid step ${problem}`);
  doc.transact(() => {
    const fields = stepsMapOf(doc).get(id);
    if (!(fields instanceof Y.Map)) return;
    if (facts.title !== undefined) {
      fields.set('title', facts.title.trim());
      renameStepFrame(doc, String(fields.get('frameId')), facts.title.trim());
    }
    if (facts.prompt !== undefined) fields.set('prompt', facts.prompt.trim());
    if (facts.durationSec !== undefined) fields.set('durationSec', facts.durationSec);
  });
}

/**
 * Marks a step private (what people write in it goes to their private documents until the
 * reveal) or not. A step whose drafts were revealed stays revealed either way.
 */
export function setStepPrivate(doc: Y.Doc, id: string, value: boolean): void {
  const fields = stepsMapOf(doc).get(id);
  if (fields instanceof Y.Map && fields.get('private') !== value) fields.set('private', value);
}

/** Moves a step one place earlier (-1) or later (+1) in its gathering's agenda. */
export function moveStep(doc: Y.Doc, id: string, direction: -1 | 1): void {
  doc.transact(() => {
    const step = stepOf(doc, id);
    if (!step) return;
    const list = stepsOf(doc, step.gatheringId);
    const at = list.findIndex((other) => other.id === id);
    const target = at + direction;
    if (target < 0 || target >= list.length) return;
    const orders = ordersForMove(list.map((other) => other.order), at, target, MAX_STEP_ORDER_CHARS);
    for (const [index, order] of orders) stepsMapOf(doc).get(list[index].id)?.set('order', order);
  });
}

/**
 * Removes a step. Its frame goes with it when nothing was written in it; a frame holding
 * notes stays on the page, unlocked, so that nothing anyone wrote is lost.
 */
export function removeStep(doc: Y.Doc, id: string): void {
  doc.transact(() => {
    const step = stepOf(doc, id);
    if (!step) return;
    if (step.frameId) removeStepFrame(doc, step.frameId);
    stepsMapOf(doc).delete(id);
    if (liveOf(doc).get(CURRENT_STEP_KEY) === id) liveOf(doc).delete(CURRENT_STEP_KEY);
  });
}

/** The step whose frame is `frameId`, if any. */
export function stepOfFrame(doc: Y.Doc, frameId: string): Step | undefined {
  return allStepsOf(doc).find((step) => step.frameId === frameId);
}
