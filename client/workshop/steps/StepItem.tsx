import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { moveStep, setCurrentStep, updateStep, type Step } from '../../../shared/domain/steps';
import { useWorkshop } from '../WorkshopContext';
import { StepForm } from './StepForm';

interface StepItemProps {
  step: Step;
  current: boolean;
  first: boolean;
  last: boolean;
  /** The facilitator's list offers changes; everyone else's only reads. */
  editable: boolean;
  onTold(sentence: string): void;
  onRemove(): void;
}

type Action = 'edit' | 'up' | 'down';

/** One step of the agenda: its title, duration and question, and what the facilitator can do with it. */
export function StepItem({ step, current, first, last, editable, onTold, onRemove }: StepItemProps) {
  const { t } = useTranslation();
  const { doc } = useWorkshop();
  const [editing, setEditing] = useState(false);
  // A move re-orders the items a frame later, and moving an item's element takes the focus
  // from it: the button gets it back once the list shows the change.
  const [focus, setFocus] = useState<{ action: Action; order: string } | null>(null);
  const buttons = { edit: useRef<HTMLButtonElement>(null), up: useRef<HTMLButtonElement>(null), down: useRef<HTMLButtonElement>(null) };
  useEffect(() => {
    if (!focus || (focus.action !== 'edit' && focus.order === step.order)) return;
    const target = buttons[focus.action].current;
    (target && !target.disabled ? target : buttons[focus.action === 'up' ? 'down' : 'up'].current)?.focus();
    setFocus(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focus, step.order, first, last]);

  const move = (direction: -1 | 1): void => {
    moveStep(doc, step.id, direction);
    onTold(t(direction < 0 ? 'run.panel.movedUpTold' : 'run.panel.movedDownTold', { title: step.title }));
    setFocus({ action: direction < 0 ? 'up' : 'down', order: step.order });
  };
  const hidden = <span className="visually-hidden"> {step.title}</span>;
  const minutes = Math.round(step.durationSec / 60);

  return (
    <li className="step-item" aria-current={current ? 'step' : undefined}>
      <p className="step-item-title">
        {step.title}
        {current && <span className="step-now">{t('run.panel.current')}</span>}
      </p>
      <p className="hint">{t('run.panel.minutes', { count: minutes })}</p>
      {step.prompt && <p className="step-item-prompt">{step.prompt}</p>}
      {editable &&
        (editing ? (
          <StepForm
            initial={{ title: step.title, prompt: step.prompt, durationSec: step.durationSec }}
            submitLabel={t('run.form.save')}
            onSubmit={(facts) => {
              updateStep(doc, step.id, facts);
              onTold(t('run.panel.savedTold', { title: facts.title }));
              setEditing(false);
              setFocus({ action: 'edit', order: step.order });
            }}
            onCancel={() => {
              setEditing(false);
              setFocus({ action: 'edit', order: step.order });
            }}
          />
        ) : (
          <div className="step-item-actions">
            <button ref={buttons.edit} type="button" className="button-quiet" onClick={() => setEditing(true)}>
              {t('run.panel.edit')}
              {hidden}
            </button>
            <button ref={buttons.up} type="button" className="button-quiet" disabled={first} onClick={() => move(-1)}>
              {t('run.panel.moveUp')}
              {hidden}
            </button>
            <button ref={buttons.down} type="button" className="button-quiet" disabled={last} onClick={() => move(1)}>
              {t('run.panel.moveDown')}
              {hidden}
            </button>
            {!current && (
              <button
                type="button"
                className="button-quiet"
                onClick={() => {
                  setCurrentStep(doc, step.id);
                  onTold(t('run.panel.currentTold', { title: step.title }));
                }}
              >
                {t('run.panel.makeCurrent')}
                {hidden}
              </button>
            )}
            <button type="button" className="button-quiet button-danger" onClick={onRemove}>
              {t('run.panel.remove')}
              {hidden}
            </button>
          </div>
        ))}
    </li>
  );
}
