import { useTranslation } from 'react-i18next';
import type { SharedTimer } from './useSharedTimer';

/**
 * The shared timer as everyone reads it: the remaining time (a timer role, so screen readers
 * do not read every second), whether it is paused, a pulse at zero, and a polite
 * announcement at one minute left and at zero.
 */
export function TimerReadout({ shared, className = 'timer' }: { shared: SharedTimer; className?: string }) {
  const { t } = useTranslation();
  const { timer, text, pulsing, announcement } = shared;
  return (
    <div className={`${className} timer-${timer.status}${pulsing ? ' timer-pulse' : ''}`} data-testid="timer">
      <span role="timer" aria-label={t('run.timer.label')} className="timer-time">
        {text}
      </span>
      {timer.status === 'paused' && <span className="timer-state">{t('run.timer.paused')}</span>}
      <span className="visually-hidden" aria-live="polite">
        {announcement}
      </span>
    </div>
  );
}
