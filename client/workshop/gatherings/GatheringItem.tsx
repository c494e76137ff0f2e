import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { moveGathering, setCurrentGathering, updateGathering, type Gathering } from '../../../shared/domain/gatherings';
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

type Action = 'edit' | 'up' | 'down';

/** One gathering in the facilitator's list: its facts, and what can be done with it. */
export function GatheringItem({ gathering, notes, current, first, last, onTold, onRemove }: GatheringItemProps) {
  const { t, i18n } = useTranslation();
  const { doc } = useWorkshop();
  const [editing, setEditing] = useState(false);
  // The button to hold the focus once the list shows the change: a move re-orders the items
  // a frame later, and moving an item's element takes the focus from it.
  const [focus, setFocus] = useState<{ action: Action; order: string } | null>(null);
  const buttons = { edit: useRef<HTMLButtonElement>(null), up: useRef<HTMLButtonElement>(null), down: useRef<HTMLButtonElement>(null) };
  useEffect(() => {
    if (!focus || (focus.action !== 'edit' && focus.order === gathering.order)) return;
    const target = buttons[focus.action].current;
    (target && !target.disabled ? target : buttons[focus.action === 'up' ? 'down' : 'up'].current)?.focus();
    setFocus(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focus, gathering.order, first, last]);

  const move = (direction: -1 | 1): void => {
    moveGathering(doc, gathering.id, direction);
    onTold(t(direction < 0 ? 'gatherings.panel.movedUpTold' : 'gatherings.panel.movedDownTold', { title: gathering.title }));
    setFocus({ action: direction < 0 ? 'up' : 'down', order: gathering.order });
  };
  const hidden = <span className="visually-hidden"> {gathering.title}</span>;
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
            setFocus({ action: 'edit', order: gathering.order });
          }}
          onCancel={() => {
            setEditing(false);
            setFocus({ action: 'edit', order: gathering.order });
          }}
        />
      ) : (
        <div className="gathering-item-actions">
          <button ref={buttons.edit} type="button" className="button-quiet" onClick={() => setEditing(true)}>
            {t('gatherings.panel.edit')}
            {hidden}
          </button>
          <button ref={buttons.up} type="button" className="button-quiet" disabled={first} onClick={() => move(-1)}>
            {t('gatherings.panel.moveUp')}
            {hidden}
          </button>
          <button ref={buttons.down} type="button" className="button-quiet" disabled={last} onClick={() => move(1)}>
            {t('gatherings.panel.moveDown')}
            {hidden}
          </button>
          {!current && (
            <button
              type="button"
              className="button-quiet"
              onClick={() => {
                setCurrentGathering(doc, gathering.id);
                onTold(t('gatherings.panel.currentTold', { title: gathering.title }));
              }}
            >
              {t('gatherings.bar.makeCurrent')}
              {hidden}
            </button>
          )}
          <button type="button" className="button-quiet button-danger" onClick={onRemove}>
            {t('gatherings.panel.remove')}
            {hidden}
          </button>
        </div>
      )}
    </li>
  );
}
