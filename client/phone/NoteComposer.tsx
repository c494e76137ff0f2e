import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** Longest note the box takes (a sticky note, not an essay). */
export const MAX_NOTE_CHARS = 2_000;

/**
 * The box to write a note in, and one big button to put it on the board. `onAdd` writes it
 * and returns why it could not, as a sentence, or null; on success the box empties and keeps
 * the focus, ready for the next note.
 */
export function NoteComposer({ heading, hint, addLabel, onAdd }: { heading: string; hint: string; addLabel: string; onAdd(text: string): string | null }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!text.trim()) {
      setProblem(t('phone.write.empty'));
      box.current?.focus();
      return;
    }
    const refusal = onAdd(text.trim());
    setProblem(refusal);
    if (refusal === null) setText('');
    box.current?.focus();
  };
  return (
    <section className="phone-card phone-write" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <form onSubmit={submit} noValidate>
        <label htmlFor={`${id}-text`} className="phone-label">
          {t('phone.write.label')}
        </label>
        <p id={`${id}-hint`} className="phone-hint">
          {hint}
        </p>
        <textarea
          ref={box}
          id={`${id}-text`}
          className="phone-textarea"
          rows={4}
          maxLength={MAX_NOTE_CHARS}
          value={text}
          aria-describedby={problem ? `${id}-hint ${id}-problem` : `${id}-hint`}
          aria-invalid={problem ? true : undefined}
          onChange={(event) => {
            setText(event.target.value);
            if (problem) setProblem(null);
          }}
        />
        {problem && (
          <p id={`${id}-problem`} className="phone-problem" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="phone-button phone-button-main">
          {addLabel}
        </button>
      </form>
    </section>
  );
}
