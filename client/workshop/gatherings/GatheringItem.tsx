import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { moveGathering, setCurrentGathering, updateGathering, type Gathering } from '../../../shared/domain/gatherings';
import { OrderedItemActions, useKeptFocus } from '../OrderedItemActions';
import { ReportDialog } from '../reports/ReportDialog';
import { useWorkshop } from '../WorkshopContext';
import { GatheringForm } from './GatheringForm';
import { gatheringFacts } from './gatheringFacts';

interface GatheringItemProps {
  gathering: Gathering;
  /** How many notes it holds: removing it then archives it. */
  notes: number;
  current: boolean;
  first: boolean;
  last: boolean;
  onTold(sentence: string): void;
  onRemove(): void;
}

/** One gathering in the facilitator's list: its facts, and what can be done with it. */
export function GatheringItem({ gathering, notes, current, first, last, onTold, onRemove }: GatheringItemProps) {
  const { t, i18n } = useTranslation();
  const { doc } = useWorkshop();
  const [editing, setEditing] = useState(false);
  const [reporting, setReporting] = useState(false);
  const reportButton = useRef<HTMLButtonElement>(null);
  const { buttons, keep } = useKeptFocus(gathering.order, first, last);

  const move = (direction: -1 | 1): void => {
    moveGathering(doc, gathering.id, direction);
    onTold(t(direction < 0 ? 'gatherings.panel.movedUpTold' : 'gatherings.panel.movedDownTold', { title: gathering.title }));
    keep(direction < 0 ? 'up' : 'down');
  };
  const facts = [gatheringFacts(gathering, i18n.language), t('gatherings.panel.notes', { count: notes })].filter(Boolean).join(' · ');

  return (
    <li className="gathering-item" aria-current={current ? 'true' : undefined}>
      <p className="gathering-item-title">
        {gathering.title}
        {current && <span className="gathering-now">{t('gatherings.bar.now')}</span>}
      </p>
      <p className="hint">{facts}</p>
      {notes > 0 && <p className="hint">{t('gatherings.panel.holdsNotes', { count: notes })}</p>}
      {editing ? (
        <GatheringForm
          initial={gathering}
          submitLabel={t('gatherings.form.save')}
          onSubmit={(facts) => {
            updateGathering(doc, gathering.id, facts);
            onTold(t('gatherings.panel.savedTold', { title: facts.title }));
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
          className="gathering-item-actions"
          title={gathering.title}
          labels={{
            edit: t('gatherings.panel.edit'),
            moveUp: t('gatherings.panel.moveUp'),
            moveDown: t('gatherings.panel.moveDown'),
            makeCurrent: t('gatherings.bar.makeCurrent'),
            remove: t('gatherings.panel.remove'),
          }}
          buttons={buttons}
          first={first}
          last={last}
          current={current}
          onEdit={() => setEditing(true)}
          onMove={move}
          onMakeCurrent={() => {
            setCurrentGathering(doc, gathering.id);
            onTold(t('gatherings.panel.currentTold', { title: gathering.title }));
          }}
          onRemove={onRemove}
        />
      )}
      {!editing && (
        <button ref={reportButton} type="button" className="button-quiet gathering-report-button" onClick={() => setReporting(true)}>
          {t('reports.open')}
          <span className="visually-hidden"> {gathering.title}</span>
        </button>
      )}
      {reporting && (
        <ReportDialog
          gathering={gathering}
          onClose={() => {
            setReporting(false);
            reportButton.current?.focus();
          }}
        />
      )}
    </li>
  );
}
