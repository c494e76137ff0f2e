import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { setHidden, setLocked } from '../../../shared/domain/moderation';
import { useDocValue } from '../useDocValue';
import { useWorkshop } from '../WorkshopContext';
import { hiddenNotesOf, lockedShapesOf, type LockedShape, type ModeratedNote } from './moderationLists';
import { noteFacts, noteText } from './noteWords';

function HiddenNoteItem({ note, tell }: { note: ModeratedNote; tell: (text: string) => void }) {
  const { t, i18n } = useTranslation();
  const { doc, showNote } = useWorkshop();
  const textId = useId();
  return (
    <li className="moderation-item">
      <span id={textId} className="moderation-note-text">
        {noteText(t, note.text)}
      </span>
      <span className="moderation-facts">{noteFacts(t, i18n.language, note)}</span>
      <span className="moderation-actions">
        <button type="button" className="button-quiet" aria-describedby={textId} onClick={() => showNote(note.id)}>
          {t('facilitator.moderation.findOnBoard')}
        </button>
        <button
          type="button"
          className="button-quiet"
          aria-describedby={textId}
          onClick={() => {
            setHidden(doc, note.id, false);
            tell(t('facilitator.moderation.shownTold'));
          }}
        >
          {t('facilitator.moderation.show')}
        </button>
      </span>
    </li>
  );
}

/** Every hidden note, each to find on the board or bring back. */
export function HiddenNotes({ tell }: { tell: (text: string) => void }) {
  const { t } = useTranslation();
  const { doc } = useWorkshop();
  const notes = useDocValue(doc, hiddenNotesOf) ?? [];
  return (
    <section className="moderation-section" aria-labelledby="moderation-hidden-heading">
      <h3 id="moderation-hidden-heading">{t('facilitator.moderation.hiddenHeading')}</h3>
      <p className="hint">{t('facilitator.moderation.hiddenLead')}</p>
      {notes.length === 0 ? (
        <p>{t('facilitator.moderation.noneHidden')}</p>
      ) : (
        <ul className="moderation-list" aria-labelledby="moderation-hidden-heading">
          {notes.map((note) => (
            <HiddenNoteItem key={note.id} note={note} tell={tell} />
          ))}
        </ul>
      )}
    </section>
  );
}

function LockedItem({ shape, tell }: { shape: LockedShape; tell: (text: string) => void }) {
  const { t } = useTranslation();
  const { doc } = useWorkshop();
  const textId = useId();
  const label =
    shape.kind === 'frame'
      ? shape.label.trim()
        ? t('facilitator.moderation.frame', { name: shape.label })
        : t('facilitator.moderation.untitledFrame')
      : noteText(t, shape.label);
  return (
    <li className="moderation-item">
      <span id={textId} className="moderation-note-text">
        {label}
      </span>
      <span className="moderation-actions">
        <button
          type="button"
          className="button-quiet"
          aria-describedby={textId}
          onClick={() => {
            setLocked(doc, shape.id, false);
            tell(t('facilitator.moderation.unlockedTold'));
          }}
        >
          {t('facilitator.moderation.unlock')}
        </button>
      </span>
    </li>
  );
}

/** Locked frames and notes, to unlock one without finding it on the board. */
export function LockedShapes({ tell }: { tell: (text: string) => void }) {
  const { t } = useTranslation();
  const { doc } = useWorkshop();
  const shapes = useDocValue(doc, lockedShapesOf) ?? [];
  return (
    <section className="moderation-section" aria-labelledby="moderation-locked-heading">
      <h3 id="moderation-locked-heading">{t('facilitator.moderation.lockedHeading')}</h3>
      {shapes.length === 0 ? (
        <p>{t('facilitator.moderation.noneLocked')}</p>
      ) : (
        <ul className="moderation-list" aria-labelledby="moderation-locked-heading">
          {shapes.map((shape) => (
            <LockedItem key={shape.id} shape={shape} tell={tell} />
          ))}
        </ul>
      )}
    </section>
  );
}
