import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentGatheringId } from '../../../shared/domain/gatherings';
import { bringEveryoneTo, joinCornerShown, setJoinCornerShown } from '../../../shared/domain/live';
import { currentStep, neighbourStep, setCurrentStep, stepsOf, type Step } from '../../../shared/domain/steps';
import { useDocValue } from '../useDocValue';
import { useWorkshop } from '../WorkshopContext';
import { PrivateStepControls } from '../privateWriting/PrivateStepControls';
import { placeInView } from './boardPlace';
import { TimerControls } from './TimerControls';
import { TimerReadout } from './TimerReadout';
import { useFollowFacilitator } from './useFollowFacilitator';
import { useSharedTimer } from './useSharedTimer';
import './steps.css';

/**
 * The step everyone is on, always in view on the board: its title, its question and the
 * shared timer. The facilitator moves between steps, runs the timer and brings everyone to
 * what they see; a participant who has wandered off finds the way back in one click.
 */
export function StepBar() {
  const { t } = useTranslation();
  const { doc, editor, identity, view, setPanel, setView } = useWorkshop();
  const facilitator = identity.role === 'facilitator';
  // Read as text, so that the many changes to the board that leave the step alone render nothing here.
  const stepText = useDocValue(doc, (d) => JSON.stringify(currentStep(d))) ?? 'null';
  const step = useMemo(() => JSON.parse(stepText) as Step | null, [stepText]);
  const ids = useDocValue(doc, (d) => {
    const gatheringId = currentGatheringId(d);
    return gatheringId ? stepsOf(d, gatheringId).map((candidate) => candidate.id).join(' ') : '';
  }) ?? '';
  const steps = ids ? ids.split(' ') : [];
  const showJoin = useDocValue(doc, joinCornerShown) ?? true;
  const hasPrevious = useDocValue(doc, (d) => neighbourStep(d, -1) !== null) ?? false;
  const hasNext = useDocValue(doc, (d) => neighbourStep(d, 1) !== null) ?? false;
  const shared = useSharedTimer(doc);
  const { away, goBack } = useFollowFacilitator();
  const [promptOpen, setPromptOpen] = useState(false);
  const [told, setTold] = useState('');
  const promptId = useId();
  // On a phone the question is cut to two lines: the way to read all of it shows only then.
  const prompt = useRef<HTMLParagraphElement>(null);
  const [promptCut, setPromptCut] = useState(false);
  const promptText = step?.prompt ?? '';
  useLayoutEffect(() => {
    const element = prompt.current;
    if (!element) return;
    const measure = (): void => setPromptCut(element.scrollHeight > element.clientHeight + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [promptText]);

  const showTimer = step !== null || shared.timer.status !== 'idle';
  if (!facilitator && !step && !showTimer && !away) return null;

  const goTo = (direction: -1 | 1): void => {
    const target = neighbourStep(doc, direction);
    if (!target) return;
    setView('board');
    setCurrentStep(doc, target.id);
  };
  const bringHere = (): void => {
    if (!editor) return;
    bringEveryoneTo(doc, placeInView(editor));
    setTold(t('run.bar.broughtTold'));
  };
  const number = step ? steps.indexOf(step.id) + 1 : 0;

  return (
    <section className="step-bar" aria-label={t('run.bar.label')}>
      <div className="step-bar-step">
        {step ? (
          <>
            <p className="step-bar-title">
              {number > 0 && <span className="step-bar-count">{t('run.bar.stepOf', { number, count: steps.length })}</span>}{' '}
              <strong>{step.title}</strong>
            </p>
            <PrivateStepControls step={step} />
            {step.prompt && (
              <div className="step-bar-question">
                <p ref={prompt} id={promptId} className="step-bar-prompt" data-open={promptOpen} data-testid="step-prompt">
                  {step.prompt}
                </p>
                {(promptCut || promptOpen) && (
                  <button type="button" className="step-bar-more" aria-expanded={promptOpen} aria-controls={promptId} onClick={() => setPromptOpen(!promptOpen)}>
                    {t(promptOpen ? 'run.bar.lessQuestion' : 'run.bar.moreQuestion')}
                  </button>
                )}
              </div>
            )}
          </>
        ) : (
          <p className="step-bar-title step-bar-none">{steps.length > 0 ? t('run.bar.noStep') : t('run.bar.noSteps')}</p>
        )}
      </div>
      {showTimer && <TimerReadout shared={shared} />}
      {facilitator && (
        <div className="step-bar-controls">
          {steps.length === 0 ? (
            <button type="button" className="step-button" onClick={() => setPanel('steps')}>
              {t('run.bar.plan')}
            </button>
          ) : (
            <div className="step-bar-group">
              {step && (
                <button type="button" className="step-button" disabled={!hasPrevious} onClick={() => goTo(-1)}>
                  {t('run.bar.previous')}
                </button>
              )}
              <button type="button" className="step-button" disabled={!hasNext} onClick={() => goTo(1)}>
                {step ? t('run.bar.next') : t('run.bar.start')}
              </button>
            </div>
          )}
          {showTimer && <TimerControls timer={shared.timer} step={step} />}
          <div className="step-bar-group">
            {view === 'board' && (
              <button type="button" className="step-button" onClick={bringHere}>
                {t('run.bar.bringHere')}
              </button>
            )}
            <button type="button" className="step-button step-toggle" aria-pressed={showJoin} onClick={() => setJoinCornerShown(doc, !showJoin)}>
              {t('run.bar.joinOnProjector')}
            </button>
          </div>
          <span className="visually-hidden" role="status">
            {told}
          </span>
        </div>
      )}
      {away && view === 'board' && (
        <button type="button" className="step-button step-button-main step-bar-back" onClick={goBack}>
          {t('run.bar.backToFacilitator')}
        </button>
      )}
    </section>
  );
}
