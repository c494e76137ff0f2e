import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addGathering,
  currentGatheringId,
  gatheringsOf,
  removeGathering,
  restoreGathering,
  type Gathering,
} from '../../../shared/domain/gatherings';
import { layOutTemplateSteps, templateStepCount } from '../../../shared/domain/templates';
import { ImportStatements } from '../importing/ImportStatements';
import { useDocValue } from '../useDocValue';
import { useWorkshop } from '../WorkshopContext';
import { GatheringForm } from './GatheringForm';
import { GatheringItem } from './GatheringItem';
import { gatheringFacts } from './gatheringFacts';
import { noteCountsByGathering } from './gatheringNotes';
import './gatherings.css';

/**
 * The facilitator's gatherings: the process in order, each with its place and day, to add,
 * change, reorder and remove (a gathering that holds notes is archived, and can come back).
 */
export function GatheringsPanel() {
  const { t, i18n } = useTranslation();
  const { doc, identity } = useWorkshop();
  const gatherings = useDocValue(doc, gatheringsOf) ?? [];
  const currentId = useDocValue(doc, currentGatheringId) ?? null;
  const counts = useDocValue(doc, noteCountsByGathering) ?? new Map<string, number>();
  const templateSteps = useDocValue(doc, templateStepCount) ?? 0;
  // A process runs the same agenda in each town or committee: a new gathering takes it too.
  const [withTemplateSteps, setWithTemplateSteps] = useState(true);
  const [told, setTold] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const [focusHeading, setFocusHeading] = useState(false);
  useEffect(() => {
    if (focusHeading) heading.current?.focus();
    setFocusHeading(false);
  }, [focusHeading]);

  if (identity.role !== 'facilitator') return <p>{t('gatherings.panel.facilitatorOnly')}</p>;
  const active = gatherings.filter((gathering) => !gathering.archived);
  const archived = gatherings.filter((gathering) => gathering.archived);

  const remove = (gathering: Gathering): void => {
    const outcome = removeGathering(doc, gathering.id);
    setTold(t(outcome === 'archived' ? 'gatherings.panel.archivedTold' : 'gatherings.panel.removedTold', { title: gathering.title }));
    setFocusHeading(true);
  };

  return (
    <div className="gatherings-panel">
      <h2 ref={heading} tabIndex={-1}>
        {t('gatherings.panel.heading')}
      </h2>
      <p className="hint">{t('gatherings.panel.lead')}</p>
      <div className="panel-told" role="status">
        {told}
      </div>
      <h3>{t('gatherings.panel.order')}</h3>
      {active.length === 0 ? (
        <p>{t('gatherings.panel.none')}</p>
      ) : (
        <ol className="gathering-list">
          {active.map((gathering, index) => (
            <GatheringItem
              key={gathering.id}
              gathering={gathering}
              notes={counts.get(gathering.id) ?? 0}
              current={gathering.id === currentId}
              first={index === 0}
              last={index === active.length - 1}
              onTold={setTold}
              onRemove={() => remove(gathering)}
            />
          ))}
        </ol>
      )}
      <h3>{t('gatherings.panel.addHeading')}</h3>
      {templateSteps > 0 && (
        <label className="check-row">
          <input type="checkbox" checked={withTemplateSteps} onChange={(event) => setWithTemplateSteps(event.target.checked)} />
          {t('gatherings.panel.withTemplateSteps', { count: templateSteps })}
        </label>
      )}
      <GatheringForm
        submitLabel={t('gatherings.form.add')}
        onSubmit={(facts) => {
          doc.transact(() => {
            const added = addGathering(doc, facts);
            if (templateSteps > 0 && withTemplateSteps) layOutTemplateSteps(doc, added.id);
          });
          setTold(t('gatherings.panel.addedTold', { title: facts.title }));
        }}
      />
      <ImportStatements />
      {archived.length > 0 && (
        <>
          <h3>{t('gatherings.panel.archivedHeading')}</h3>
          <ul className="gathering-list">
            {archived.map((gathering) => (
              <li key={gathering.id} className="gathering-item">
                <p className="gathering-item-title">{gathering.title}</p>
                <p className="hint">
                  {[gatheringFacts(gathering, i18n.language), t('gatherings.panel.notes', { count: counts.get(gathering.id) ?? 0 })]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
                <button
                  type="button"
                  className="button-quiet"
                  onClick={() => {
                    restoreGathering(doc, gathering.id);
                    setTold(t('gatherings.panel.restoredTold', { title: gathering.title }));
                    setFocusHeading(true);
                  }}
                >
                  {t('gatherings.panel.restore')}
                  <span className="visually-hidden"> {gathering.title}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
