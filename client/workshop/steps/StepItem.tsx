import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { moveStep, setCurrentStep, setStepPrivate, updateStep, type Step } from '../../../shared/domain/steps';
import { OrderedItemActions, useKeptFocus } from '../OrderedItemActions';
import { PrivateMark } from '../privateWriting/PrivateMark';
import { stateOfStep } from '../privateWriting/privateStep';
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

/** One step of the agenda: its title, duration and question, and what the facilitator can do with it. */
export function StepItem({ step, current, first, last, editable, onTold, onRemove }: StepItemProps) {
  const { t } = useTranslation();
  const { doc } = useWorkshop();
  const [editing, setEditing] = useState(false);
  const { buttons, keep } = useKeptFocus(step.order, first, last);

  const move = (direction: -1 | 1): void => {
    moveStep(doc, step.id, direction);
    onTold(t(direction < 0 ? 'run.panel.movedUpTold' : 'run.panel.movedDownTold', { title: step.title }));
    keep(direction < 0 ? 'up' : 'down');
  };
  const minutes = Math.round(step.durationSec / 60);

  return (
    <li className="step-item" aria-current={current ? 'step' : undefined}>
      <p className="step-item-title">
        {step.title}
        {current && <span className="step-now">{t('run.panel.current')}</span>}
        <PrivateMark state={stateOfStep(step)} />
      </p>
      <p className="hint">{t('run.panel.minutes', { count: minutes })}</p>
      {step.prompt && <p className="step-item-prompt">{step.prompt}</p>}
      {editable &&
        (editing ? (
          <StepForm
            initial={{ title: step.title, prompt: step.prompt, durationSec: step.durationSec }}
            initialPrivate={step.private}
            submitLabel={t('run.form.save')}
            onSubmit={(facts, isPrivate) => {
              updateStep(doc, step.id, facts);
              setStepPrivate(doc, step.id, isPrivate);
              onTold(t('run.panel.savedTold', { title: facts.title }));
              setEditing(false);
              keep('edit');
            }}
            onCancel={() => {
              setEditing(false);
              keep('edit');
            }}
          />
        ) : (
          <OrderedItemActions
            className="step-item-actions"
            title={step.title}
            labels={{
              edit: t('run.panel.edit'),
              moveUp: t('run.panel.moveUp'),
              moveDown: t('run.panel.moveDown'),
              makeCurrent: t('run.panel.makeCurrent'),
              remove: t('run.panel.remove'),
            }}
            buttons={buttons}
            first={first}
            last={last}
            current={current}
            onEdit={() => setEditing(true)}
            onMove={move}
            onMakeCurrent={() => {
              setCurrentStep(doc, step.id);
              onTold(t('run.panel.currentTold', { title: step.title }));
            }}
            onRemove={onRemove}
          />
        ))}
    </li>
  );
}
