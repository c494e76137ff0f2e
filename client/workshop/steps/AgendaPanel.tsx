import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addStep, currentStep, removeStep, setStepPrivate, stepsOf, type Step } from '../../../shared/domain/steps';
import { useGatheringHere } from '../gatherings/useGatheringHere';
import { useDocValue } from '../useDocValue';
import { useWorkshop } from '../WorkshopContext';
import { StepForm } from './StepForm';
import { StepItem } from './StepItem';
import './steps.css';

/**
 * The agenda of the gathering this person is in: its steps in order, each with its question
 * and duration. The facilitator adds, changes, reorders and removes steps and takes everyone
 * to one; participants read it.
 */
export function AgendaPanel() {
  const { t } = useTranslation();
  const { doc, identity, setPanel } = useWorkshop();
  const facilitator = identity.role === 'facilitator';
  const gathering = useGatheringHere();
  const steps = useDocValue(doc, (d) => (gathering ? stepsOf(d, gathering.id) : []), [gathering?.id]) ?? [];
  const currentId = useDocValue(doc, (d) => currentStep(d)?.id ?? null) ?? null;
  const [told, setTold] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const [focusHeading, setFocusHeading] = useState(false);
  useEffect(() => {
    if (focusHeading) heading.current?.focus();
    setFocusHeading(false);
  }, [focusHeading]);

  const remove = (step: Step): void => {
    removeStep(doc, step.id);
    setTold(t('run.panel.removedTold', { title: step.title }));
    setFocusHeading(true);
  };

  return (
    <div className="agenda-panel">
      <h2 ref={heading} tabIndex={-1}>
        {gathering ? t('run.panel.headingOf', { title: gathering.title }) : t('run.panel.heading')}
      </h2>
      {facilitator && <p className="hint">{t('run.panel.lead')}</p>}
      <div className="panel-told" role="status">
        {told}
      </div>
      {!gathering ? (
        <>
          <p>{t('run.panel.noGathering')}</p>
          {facilitator && (
            <button type="button" className="button-quiet" onClick={() => setPanel('gatherings')}>
              {t('run.panel.setUpGatherings')}
            </button>
          )}
        </>
      ) : (
        <>
          {steps.length === 0 ? (
            <p>{facilitator ? t('run.panel.none') : t('run.panel.noneParticipant')}</p>
          ) : (
            <ol className="step-list">
              {steps.map((step, index) => (
                <StepItem
                  key={step.id}
                  step={step}
                  current={step.id === currentId}
                  first={index === 0}
                  last={index === steps.length - 1}
                  editable={facilitator}
                  onTold={setTold}
                  onRemove={() => remove(step)}
                />
              ))}
            </ol>
          )}
          {facilitator && !gathering.archived && (
            <>
              <h3>{t('run.panel.addHeading')}</h3>
              <StepForm
                submitLabel={t('run.form.add')}
                onSubmit={(facts, isPrivate) => {
                  const added = addStep(doc, gathering.id, facts);
                  if (isPrivate) setStepPrivate(doc, added.id, true);
                  setTold(t('run.panel.addedTold', { title: facts.title }));
                }}
              />
            </>
          )}
        </>
      )}
    </div>
  );
}
