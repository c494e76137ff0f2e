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
  const { identity, workshopId, panel, setPanel, view, setView } = useWorkshop();
  const state = stateOfStep(step);
  const facilitator = identity.role === 'facilitator';
  const participant = identity.role === 'participant';
  const [asking, setAsking] = useState(false);
  // How many notes the last reveal moved (said in the language chosen since), or null.
  const [revealed, setRevealed] = useState<number | null>(null);
  const revealButton = useRef<HTMLButtonElement>(null);
  const outcome = useRef<HTMLSpanElement>(null);
  // Set when the server has answered a reveal: its button goes once the document says so.
  const answered = useRef(false);

  // Once per private step, the participant's drafts box opens without being asked.
  const opened = useRef<string | null>(null);
  useEffect(() => {
    if (!participant || state !== 'writing' || opened.current === step.id) return;
    opened.current = step.id;
    setPanel('drafts');
  }, [participant, state, step.id, setPanel]);
  useEffect(() => setRevealed(null), [step.id]);

  // The box is beside the canvas: from the weave or the narrative, the button brings the board back with it.
  const open = panel === 'drafts' && view === 'board';
  const toggleDrafts = (): void => {
    setView('board');
    setPanel(open ? null : 'drafts');
  };

  if (state !== 'writing' && state !== 'revealed') return null;
  return (
    <div className="private-controls">
      <PrivateMark state={state} long />
      {participant && state === 'writing' && (
        <button type="button" className="step-button" aria-pressed={open} onClick={toggleDrafts}>
          {t('privateWriting.bar.openDrafts')}
        </button>
      )}
      {facilitator && state === 'writing' && (
        <button ref={revealButton} type="button" className="step-button step-button-main" onClick={() => setAsking(true)}>
          {t('privateWriting.bar.reveal')}
        </button>
      )}
      {facilitator && (
        <span ref={outcome} className="private-told" role="status" tabIndex={-1}>
          {revealed !== null && t('privateWriting.bar.revealedTold', { count: revealed })}
        </span>
      )}
      {asking && (
        <RevealDialog
          workshopId={workshopId}
          step={step}
          onRevealed={(count) => {
            answered.current = true;
            setRevealed(count);
          }}
          onClose={() => {
            setAsking(false);
            // After a reveal its button goes: the focus goes to what came of it.
            (answered.current ? outcome.current : revealButton.current)?.focus();
            answered.current = false;
          }}
        />
      )}
    </div>
  );
}
