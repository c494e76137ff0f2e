import * as Y from 'yjs';
import { stepsMapOf } from '../../../shared/schema';

/**
 * Where a step stands in private writing: 'writing' (private, not revealed: notes go to
 * drafts), 'revealed' (private, its drafts moved to the board), 'public' (an ordinary step),
 * or 'gone' (no such step).
 */
export type PrivateStepState = 'writing' | 'revealed' | 'public' | 'gone';

/** The private-writing state of a step, read from the shared document. */
export function privateStepState(shared: Y.Doc, stepId: string): PrivateStepState {
  const fields = stepsMapOf(shared).get(stepId);
  if (!(fields instanceof Y.Map)) return 'gone';
  if (fields.get('private') !== true) return 'public';
  return typeof fields.get('revealedAt') === 'number' ? 'revealed' : 'writing';
}
