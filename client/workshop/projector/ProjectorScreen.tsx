import { useTranslation } from 'react-i18next';
import { currentGatheringId, gatheringOf } from '../../../shared/domain/gatherings';
import { currentStep, stepsOf } from '../../../shared/domain/steps';
import { TimerReadout } from '../steps/TimerReadout';
import { useSharedTimer } from '../steps/useSharedTimer';
import { useDocValue } from '../useDocValue';
import { useWorkshop } from '../WorkshopContext';

/**
 * What the room reads on the big screen above the board, from the back of the room: the
 * workshop, the gathering, the current step and its question in large type, and the timer.
 */
export function ProjectorScreen({ title }: { title: string }) {
  const { t } = useTranslation();
  const { doc } = useWorkshop();
  const gathering = useDocValue(doc, (d) => {
    const id = currentGatheringId(d);
    return id ? (gatheringOf(d, id)?.title ?? null) : null;
  }) ?? null;
  const step = useDocValue(doc, currentStep) ?? null;
  const position = useDocValue(doc, (d) => {
    const current = currentStep(d);
    if (!current) return null;
    const steps = stepsOf(d, current.gatheringId);
    return { number: steps.findIndex((candidate) => candidate.id === current.id) + 1, count: steps.length };
  }) ?? null;
  const shared = useSharedTimer(doc);
  const showTimer = step !== null || shared.timer.status !== 'idle';
  return (
    <header className="projector-band">
      <div className="projector-band-text">
        <h1 className="projector-workshop">
          {title}
          {gathering && <span className="projector-gathering"> · {gathering}</span>}
        </h1>
        {step && (
          <>
            <p className="projector-step">
              {position && position.number > 0 && (
                <span className="projector-step-count">{t('run.bar.stepOf', { number: position.number, count: position.count })} </span>
              )}
              {step.title}
            </p>
            {step.prompt && (
              <p className="projector-prompt" data-testid="projector-prompt">
                {step.prompt}
              </p>
            )}
          </>
        )}
      </div>
      {showTimer && <TimerReadout shared={shared} className="timer projector-timer" />}
    </header>
  );
}
