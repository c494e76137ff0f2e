import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkshop } from '../WorkshopContext';
import { DeletedNotes } from './DeletedNotes';
import { DeleteWorkshop } from './DeleteWorkshop';
import { HiddenNotes, LockedShapes } from './ModeratedShapes';
import { useModerationActions } from './moderationActions';
import './moderation.css';

/** Lock, unlock, hide and bring back what is selected on the board. */
function SelectionModeration({ tell }: { tell: (text: string) => void }) {
  const { t } = useTranslation();
  const { editor, doc } = useWorkshop();
  const { count, actions } = useModerationActions(editor, doc);
  return (
    <section className="moderation-section" aria-labelledby="moderation-selected-heading">
      <h3 id="moderation-selected-heading">{t('facilitator.moderation.selectedHeading')}</h3>
      {count === 0 ? (
        <p className="hint">{t('facilitator.moderation.nothingSelected')}</p>
      ) : (
        <>
          <p className="moderation-count">{t('facilitator.moderation.selected', { count })}</p>
          <div className="moderation-actions">
            {actions.map((action) => (
              <button
                key={action.id}
                type="button"
                className="button-quiet"
                onClick={() => {
                  action.run();
                  tell(t(`facilitator.moderation.${action.told}`));
                }}
              >
                {t(`facilitator.moderation.${action.label}`)}
              </button>
            ))}
          </div>
        </>
      )}
    </section>
  );
}

/**
 * The facilitator's moderation: lock frames and notes, hide a note and bring it back,
 * restore a note deleted in the last hour, and delete the whole workshop.
 */
export function ModerationPanel() {
  const { t } = useTranslation();
  const [told, setTold] = useState('');
  return (
    <section className="moderation-panel" aria-labelledby="moderation-heading">
      <h2 id="moderation-heading">{t('facilitator.moderation.heading')}</h2>
      <p className="panel-told" role="status">
        {told}
      </p>
      <SelectionModeration tell={setTold} />
      <HiddenNotes tell={setTold} />
      <LockedShapes tell={setTold} />
      <DeletedNotes tell={setTold} />
      <DeleteWorkshop />
    </section>
  );
}
