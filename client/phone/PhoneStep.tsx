import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { TimerReadout } from '../workshop/steps/TimerReadout';
import { useSharedTimer } from '../workshop/steps/useSharedTimer';
import type { PhoneWhere } from './phoneFacts';

/**
 * Where the workshop is: the gathering, "Step n of m", the step's title and its question, and
 * the shared timer. It follows the facilitator: it simply shows the current step.
 */
export function PhoneStep({ doc, where }: { doc: Y.Doc; where: PhoneWhere }) {
  const { t } = useTranslation();
  // A phone in a pocket stays quiet at zero: the room hears the facilitator's.
  const shared = useSharedTimer(doc, false);
  const { step } = where;
  const showTimer = step !== null || shared.timer.status !== 'idle';
  return (
    <section className="phone-card phone-step" aria-labelledby="phone-step-heading">
      <p className="phone-gathering">{where.gatheringTitle ? t('phone.gathering', { title: where.gatheringTitle }) : t('phone.noGathering')}</p>
      {step && where.number > 0 && <p className="phone-step-count">{t('run.bar.stepOf', { number: where.number, count: where.count })}</p>}
      <h2 id="phone-step-heading" className="phone-step-title">
        {step ? step.title : t('run.bar.noStep')}
      </h2>
      {step?.prompt ? (
        <p className="phone-prompt" data-testid="step-prompt">
          <span className="visually-hidden">{t('phone.question')}: </span>
          {step.prompt}
        </p>
      ) : (
        !step && <p className="phone-hint">{t('phone.noStep')}</p>
      )}
      {showTimer && <TimerReadout shared={shared} className="timer phone-timer" />}
    </section>
  );
}
