import { useTranslation } from 'react-i18next';
import type { PhoneNote } from './phoneFacts';
import { PhoneNoteItem } from './PhoneNoteItem';

/** "My notes": what this person wrote, newest first, each to edit or delete. */
export function PhoneNotes({ notes, onSave, onRemove }: { notes: readonly PhoneNote[]; onSave(id: string, text: string): void; onRemove(id: string): void }) {
  const { t } = useTranslation();
  return (
    <section className="phone-card phone-notes" aria-labelledby="phone-notes-heading">
      <h2 id="phone-notes-heading">{t('phone.notes.heading')}</h2>
      {notes.length === 0 ? (
        <p className="phone-hint">{t('phone.notes.none')}</p>
      ) : (
        <ul className="phone-note-list">
          {[...notes].reverse().map((note) => (
            <PhoneNoteItem key={note.id} note={note} onSave={onSave} onRemove={onRemove} />
          ))}
        </ul>
      )}
    </section>
  );
}
