import { addDraft } from '../../../shared/domain/drafts';
import { currentStep } from '../../../shared/domain/steps';
import type { PrivateWriting } from '../../canvas/privateNotes';
import type { Workshop } from '../WorkshopContext';
import { tellDraftsBox } from './draftsNotice';
import { privateStepState } from './privateStep';

/**
 * The board's answer to a participant's canvas in a private step: the current step is the
 * private one while it is open for writing; a note kept off the board becomes a draft when it
 * had text, and the drafts box opens saying why.
 */
export function privateWritingOf(workshop: () => Workshop | null): PrivateWriting {
  return {
    privateStepId() {
      const open = workshop();
      if (!open || open.identity.role !== 'participant') return null;
      const step = currentStep(open.doc);
      return step && privateStepState(open.doc, step.id) === 'writing' ? step.id : null;
    },
    keptOffBoard(stepId, text) {
      const open = workshop();
      if (!open) return;
      const kept = Boolean(text && open.privateDoc);
      if (kept && open.privateDoc) addDraft(open.privateDoc, stepId, text, Date.now());
      tellDraftsBox(kept ? 'kept' : 'new');
      open.setView('board');
      open.setPanel('drafts');
    },
  };
}
