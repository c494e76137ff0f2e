import type * as Y from 'yjs';
import { stepOf, type Step } from '../../../shared/domain/steps';

/**
 * Where a step stands in private writing: 'writing' (private, not revealed: notes go to
 * drafts), 'revealed' (private, its drafts moved to the board), 'public' (an ordinary step),
 * or 'gone' (no such step).
 */
export type PrivateStepState = 'writing' | 'revealed' | 'public' | 'gone';

/** The private-writing state of a step, read from the shared document. */
export function privateStepState(shared: Y.Doc, stepId: string): PrivateStepState {
  const step = stepOf(shared, stepId);
  return step ? stateOfStep(step) : 'gone';
}

/** The same, of a step already read. */
export function stateOfStep(step: Step): PrivateStepState {
  if (!step.private) return 'public';
  return step.revealedAt !== null ? 'revealed' : 'writing';
}
