import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FIRST_PAGE_ID } from '../../../shared/domain/board';
import { restoreNote } from '../../../shared/domain/moderation';
import { dateLocale } from '../gatherings/gatheringFacts';
import { useDocValue } from '../useDocValue';
import { serverNow, useServerClock } from '../steps/serverClock';
import { useWorkshop } from '../WorkshopContext';
import { deletedNoteItemsOf, type DeletedNoteItem } from './moderationLists';
import { noteFacts, noteText } from './noteWords';

/** The time now, a little stale: notes leave the list as they pass the hour. */
/** The server's time (a deletion is dated by the server's clock), read again every half minute. */
function useMinute(): number {
  useServerClock();
  const [now, setNow] = useState(() => serverNow());
  useEffect(() => {
    const timer = setInterval(() => setNow(serverNow()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function DeletedNoteEntry({ note, tell }: { note: DeletedNoteItem; tell: (text: string) => void }) {
  const { t, i18n } = useTranslation();
  const { doc, editor, showNote } = useWorkshop();
  const textId = useId();
  const time = new Intl.DateTimeFormat(dateLocale(i18n.language), { timeStyle: 'short' }).format(new Date(note.deletedAt));
  return (
    <li className="moderation-item">
      <span id={textId} className="moderation-note-text">
        {noteText(t, note.text)}
      </span>
      <span className="moderation-facts">
        {noteFacts(t, i18n.language, note)} · {t('facilitator.moderation.deletedAt', { time })}
      </span>
      <span className="moderation-actions">
        <button
          type="button"
          className="button-quiet"
          aria-describedby={textId}
          onClick={() => {
            const fallback = note.fallbackPageId ?? editor?.getCurrentPageId() ?? FIRST_PAGE_ID;
            if (restoreNote(doc, note.id, fallback)) {
              tell(t('facilitator.moderation.restoredTold'));
              showNote(note.id);
            }
          }}
        >
          {t('facilitator.moderation.restore')}
        </button>
      </span>
    </li>
  );
}

/** Notes deleted in the last hour (the server keeps them that long), each to restore. */
export function DeletedNotes({ tell }: { tell: (text: string) => void }) {
  const { t } = useTranslation();
  const { doc } = useWorkshop();
  const now = useMinute();
  const notes = useDocValue(doc, (current) => deletedNoteItemsOf(current, now), [now]) ?? [];
  return (
    <section className="moderation-section" aria-labelledby="moderation-deleted-heading">
      <h3 id="moderation-deleted-heading">{t('facilitator.moderation.deletedHeading')}</h3>
      {notes.length === 0 ? (
        <p>{t('facilitator.moderation.noneDeleted')}</p>
      ) : (
        <ul className="moderation-list" aria-labelledby="moderation-deleted-heading">
          {notes.map((note) => (
            <DeletedNoteEntry key={note.id} note={note} tell={tell} />
          ))}
        </ul>
      )}
    </section>
  );
}
