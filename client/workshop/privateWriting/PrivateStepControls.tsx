import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Step } from '../../../shared/domain/steps';
import { useWorkshop } from '../WorkshopContext';
import { PrivateMark } from './PrivateMark';
import { stateOfStep } from './privateStep';
import { RevealDialog } from './RevealDialog';
import './privateWriting.css';

/**
 * Private writing in the step bar. Everyone sees that the step is private (or revealed). A
 * participant's drafts box opens by itself when a private step begins, and a button opens
 * and closes it; the facilitator reveals the step's notes, after a question.
 */
export function PrivateStepControls({ step }: { step: Step }) {
  const { t } = useTranslation();
  const { identity, workshopId, panel, setPanel, view } = useWorkshop();
  const state = stateOfStep(step);
  const facilitator = identity.role === 'facilitator';
  const participant = identity.role === 'participant';
  const [asking, setAsking] = useState(false);
  const [told, setTold] = useState('');
  const revealButton = useRef<HTMLButtonElement>(null);

  // Once per private step, the participant's drafts box opens without being asked.
  const opened = useRef<string | null>(null);
  useEffect(() => {
    if (!participant || state !== 'writing' || opened.current === step.id) return;
    opened.current = step.id;
    setPanel('drafts');
  }, [participant, state, step.id, setPanel]);
  useEffect(() => setTold(''), [step.id]);

  if (state !== 'writing' && state !== 'revealed') return null;
  return (
    <div className="private-controls">
      <PrivateMark state={state} />
      {participant && state === 'writing' && view === 'board' && (
        <button type="button" className="step-button" aria-pressed={panel === 'drafts'} onClick={() => setPanel(panel === 'drafts' ? null : 'drafts')}>
          {t('privateWriting.bar.openDrafts')}
        </button>
      )}
      {facilitator && state === 'writing' && (
        <button ref={revealButton} type="button" className="step-button step-button-main" onClick={() => setAsking(true)}>
          {t('privateWriting.bar.reveal')}
        </button>
      )}
      {facilitator && (
        <span className="private-told" role="status">
          {told}
        </span>
      )}
      {asking && (
        <RevealDialog
          workshopId={workshopId}
          step={step}
          onRevealed={(count) => setTold(t('privateWriting.bar.revealedTold', { count }))}
          onClose={() => {
            setAsking(false);
            revealButton.current?.focus();
          }}
        />
      )}
    </div>
  );
}
