import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftEntry } from '../../../shared/domain/drafts';
import { MAX_DRAFT_CHARS } from '../../../shared/domain/drafts';

interface DraftItemProps {
  draft: DraftEntry;
  /** False once the step is revealed (or no longer private): the draft can only be read. */
  editable: boolean;
  onSave(text: string): void;
  onRemove(): void;
}

/** One of this person's drafts: its text, and changing or deleting it. */
export function DraftItem({ draft, editable, onSave, onRemove }: DraftItemProps) {
  const { t } = useTranslation();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(draft.text);
  const [problem, setProblem] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  // Where the focus goes when the editing ends: back to the button that opened it.
  const [returnFocus, setReturnFocus] = useState(false);
  useEffect(() => {
    if (editing) field.current?.focus();
    else if (returnFocus) {
      editButton.current?.focus();
      setReturnFocus(false);
    }
  }, [editing, returnFocus]);

  const close = (): void => {
    setEditing(false);
    setProblem(null);
    setReturnFocus(true);
  };
  const save = (event: FormEvent): void => {
    event.preventDefault();
    if (!text.trim()) {
      setProblem(t('privateWriting.box.empty'));
      field.current?.focus();
      return;
    }
    onSave(text.trim());
    close();
  };
  const shown = draft.text.length > 60 ? `${draft.text.slice(0, 57)}…` : draft.text;

  if (editing) {
    return (
      <li className="draft">
        <form className="draft-edit" onSubmit={save} noValidate>
          <label htmlFor={`${id}-text`}>{t('privateWriting.box.editLabel')}</label>
          <textarea
            ref={field}
            id={`${id}-text`}
            rows={3}
            maxLength={MAX_DRAFT_CHARS}
            value={text}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-problem` : undefined}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) save(event);
              if (event.key === 'Escape') close();
            }}
          />
          {problem && (
            <p id={`${id}-problem`} className="error">
              {problem}
            </p>
          )}
          <div className="draft-actions">
            <button type="submit" className="button">
              {t('privateWriting.box.save')}
            </button>
            <button type="button" className="button-quiet" onClick={close}>
              {t('privateWriting.box.cancel')}
            </button>
          </div>
        </form>
      </li>
    );
  }
  return (
    <li className="draft">
      <p className="draft-text">{draft.text}</p>
      {editable && (
        <div className="draft-actions">
          <button
            ref={editButton}
            type="button"
            className="button-quiet"
            aria-label={t('privateWriting.box.editNamed', { text: shown })}
            onClick={() => {
              setText(draft.text);
              setEditing(true);
            }}
          >
            {t('privateWriting.box.edit')}
          </button>
          <button type="button" className="button-quiet" aria-label={t('privateWriting.box.removeNamed', { text: shown })} onClick={onRemove}>
            {t('privateWriting.box.remove')}
          </button>
        </div>
      )}
    </li>
  );
}
