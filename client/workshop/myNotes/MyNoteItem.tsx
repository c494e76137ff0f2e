import { useTranslation } from 'react-i18next';
import type { NoteTrail } from '../../../shared/domain/weave';
import { threadColor } from '../../../shared/weave/threadColors';
import { useWorkshop } from '../WorkshopContext';

/** One of a participant's notes: its text, the threads it is in, the passages that quote it. */
export function MyNoteItem({ note }: { note: NoteTrail }) {
  const { t } = useTranslation();
  const { openThread, showPassage, showNote } = useWorkshop();
  const text = note.text.trim() || t('myNotes.emptyNote');
  return (
    <li className="my-note">
      <p className="my-note-text">{text}</p>
      <dl className="my-note-where">
        <dt>{t('myNotes.threads')}</dt>
        <dd>
          {note.threads.length === 0 ? (
            <span className="my-note-not-yet">{t('myNotes.notInThread')}</span>
          ) : (
            <ul className="my-note-threads">
              {note.threads.map((thread) => (
                <li key={thread.id}>
                  <button type="button" className="my-note-thread" onClick={() => openThread(thread.id)}>
                    <span className="my-note-swatch" style={{ background: threadColor(thread.index) }} aria-hidden="true" />
                    {thread.title.trim() || t('myNotes.untitledThread')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t('myNotes.narrative')}</dt>
        <dd>
          {note.passages.length === 0 ? (
            <span className="my-note-not-yet">{t('myNotes.notInNarrative')}</span>
          ) : (
            <ul className="my-note-passages">
              {note.passages.map((passage) => {
                const heading = passage.heading.trim() || t('myNotes.beforeFirstHeading');
                return (
                  <li key={passage.passageId} className="my-note-passage">
                    <strong className="my-note-heading">{heading}</strong>
                    <blockquote className="my-note-excerpt">{passage.excerpt}</blockquote>
                    <button
                      type="button"
                      className="button-quiet my-note-action"
                      aria-label={t('myNotes.readInNarrativeNamed', { heading })}
                      onClick={() => showPassage(passage.passageId)}
                    >
                      {t('myNotes.readInNarrative')}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </dd>
      </dl>
      <button type="button" className="button-quiet my-note-action" aria-label={t('myNotes.showOnBoardNamed', { text })} onClick={() => showNote(note.noteId)}>
        {t('myNotes.showOnBoard')}
      </button>
    </li>
  );
}
