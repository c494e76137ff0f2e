import { useTranslation } from 'react-i18next';
import { addMinute, pauseTimer, resetTimer, startTimer, type TimerState } from '../../../shared/domain/timer';
import type { Step } from '../../../shared/domain/steps';
import { useWorkshop } from '../WorkshopContext';
import { serverNow } from './serverClock';

/** The facilitator's timer buttons: start or pause, a minute more, back to the step's duration. */
export function TimerControls({ timer, step }: { timer: TimerState; step: Step | null }) {
  const { t } = useTranslation();
  const { doc } = useWorkshop();
  const running = timer.status === 'running';
  const nothingToRun = !running && timer.remainingMs <= 0 && timer.durationMs <= 0;
  return (
    <div className="timer-controls" role="group" aria-label={t('run.timer.controls')}>
      <button
        type="button"
        className="step-button step-button-main"
        disabled={nothingToRun}
        onClick={() => (running ? pauseTimer(doc, serverNow()) : startTimer(doc, serverNow()))}
      >
        {t(running ? 'run.timer.pause' : timer.status === 'paused' ? 'run.timer.resume' : 'run.timer.start')}
      </button>
      <button type="button" className="step-button" onClick={() => addMinute(doc, serverNow())}>
        {t('run.timer.addMinute')}
      </button>
      <button type="button" className="step-button" onClick={() => resetTimer(doc, step ? step.durationSec * 1000 : timer.durationMs)}>
        {t('run.timer.reset')}
      </button>
    </div>
  );
}
