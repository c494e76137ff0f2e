import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhoneNote } from './phoneFacts';

/** How much of a note names its buttons to a screen reader. */
const NAME_CHARS = 40;

function shortened(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > NAME_CHARS ? `${line.slice(0, NAME_CHARS - 1)}…` : line;
}

type Mode = 'reading' | 'editing' | 'removing';

/**
 * One of this person's notes: its text, and its own Edit and Delete (each named after the
 * note, so a screen reader's list of buttons says which note each one is for). Deleting asks
 * once, since a thumb slips; focus goes where the person will look next.
 */
export function PhoneNoteItem({ note, onSave, onRemove }: { note: PhoneNote; onSave(id: string, text: string): void; onRemove(id: string): void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('reading');
  const [draft, setDraft] = useState(note.text);
  const id = useId();
  const editButton = useRef<HTMLButtonElement>(null);
  const editBox = useRef<HTMLTextAreaElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  const [returnFocus, setReturnFocus] = useState(false);
  const name = shortened(note.text) || t('phone.notes.empty');

  useEffect(() => {
    if (mode === 'editing') editBox.current?.focus();
    if (mode === 'removing') keepButton.current?.focus();
    if (mode === 'reading' && returnFocus) {
      editButton.current?.focus();
      setReturnFocus(false);
    }
  }, [mode, returnFocus]);

  const back = (): void => {
    setReturnFocus(true);
    setMode('reading');
  };

  return (
    <li className="phone-note">
      {mode === 'editing' ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            onSave(note.id, draft.trim());
            back();
          }}
        >
          <label htmlFor={`${id}-edit`} className="phone-label">
            {t('phone.notes.editLabel')}
          </label>
          <textarea ref={editBox} id={`${id}-edit`} className="phone-textarea" rows={3} value={draft} onChange={(event) => setDraft(event.target.value)} />
          <div className="phone-actions">
            <button type="submit" className="phone-button phone-button-main">
              {t('phone.notes.save')}
            </button>
            <button type="button" className="phone-button" onClick={back}>
              {t('phone.notes.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p className="phone-note-text">{note.text || t('phone.notes.empty')}</p>
          {note.stepTitle && <p className="phone-note-place">{t('phone.notes.inStep', { title: note.stepTitle })}</p>}
          {mode === 'removing' ? (
            <div className="phone-actions" role="group" aria-labelledby={`${id}-confirm`}>
              <p id={`${id}-confirm`} className="phone-confirm">
                {t('phone.notes.confirmRemove')}
              </p>
              <button type="button" className="phone-button phone-button-danger" onClick={() => onRemove(note.id)}>
                {t('phone.notes.confirmYes')}
              </button>
              <button ref={keepButton} type="button" className="phone-button" onClick={back}>
                {t('phone.notes.keep')}
              </button>
            </div>
          ) : (
            <div className="phone-actions">
              <button
                ref={editButton}
                type="button"
                className="phone-button"
                aria-label={t('phone.notes.editNamed', { text: name })}
                onClick={() => {
                  setDraft(note.text);
                  setMode('editing');
                }}
              >
                {t('phone.notes.edit')}
              </button>
              <button type="button" className="phone-button" aria-label={t('phone.notes.removeNamed', { text: name })} onClick={() => setMode('removing')}>
                {t('phone.notes.remove')}
              </button>
            </div>
          )}
        </>
      )}
    </li>
  );
}
