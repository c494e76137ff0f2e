import type { TFunction } from 'i18next';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';

/** The words of an {@link EditableTextItem}, already in the reader's language. */
export interface EditableTextItemStrings {
  /** Shown in place of an empty text; omitted: nothing is shown. */
  emptyText?: string;
  /** The edit field's label. */
  editLabel: string;
  save: string;
  cancel: string;
  edit: string;
  /** The Edit button's name for a screen reader, naming the text it is for. */
  editNamed: string;
  remove: string;
  /** The Delete button's name for a screen reader, naming the text it is for. */
  removeNamed: string;
  /** Given: Delete asks this question once before deleting (a thumb slips); omitted: it deletes at once. */
  confirmRemove?: { question: string; yes: string; keep: string };
  /** Given: saving an empty text is refused with this message; omitted: an empty text is saved. */
  emptyProblem?: string;
}

/**
 * The words every item has, from a feature's strings under `prefix` with the keys edit,
 * editNamed, editLabel, save, cancel, remove and removeNamed; `name` is how the buttons' names
 * quote the text.
 */
export function itemStrings(t: TFunction, prefix: string, name: string): EditableTextItemStrings {
  return {
    editLabel: t(`${prefix}.editLabel`),
    save: t(`${prefix}.save`),
    cancel: t(`${prefix}.cancel`),
    edit: t(`${prefix}.edit`),
    editNamed: t(`${prefix}.editNamed`, { text: name }),
    remove: t(`${prefix}.remove`),
    removeNamed: t(`${prefix}.removeNamed`, { text: name }),
  };
}

/** The class names each part takes, so that each view keeps its own look. */
export interface EditableTextItemLook {
  item: string;
  text: string;
  form?: string;
  label?: string;
  field?: string;
  actions: string;
  button: string;
  mainButton: string;
  dangerButton?: string;
  confirm?: string;
  problem?: string;
}

export interface EditableTextItemProps {
  text: string;
  strings: EditableTextItemStrings;
  look: EditableTextItemLook;
  /** False: the text can only be read (no Edit or Delete). */
  editable?: boolean;
  /** Shown under the text while it is read (e.g. where it was written). */
  details?: ReactNode;
  maxLength?: number;
  /** Ctrl/⌘+Enter saves and Escape cancels in the edit field (where a keyboard is expected). */
  keyboardShortcuts?: boolean;
  onSave(text: string): void;
  onRemove(): void;
}

type Mode = 'reading' | 'editing' | 'removing';

/**
 * One of this person's texts (a note, a draft) in a list: the text, and its own Edit and
 * Delete, each named after the text so that a screen reader's list of buttons says which one
 * each is for. Editing happens in place; when it ends, or a delete is not confirmed, the focus
 * goes back to the Edit button, where the person was.
 */
export function EditableTextItem({ text, strings, look, editable = true, details, maxLength, keyboardShortcuts = false, onSave, onRemove }: EditableTextItemProps) {
  const id = useId();
  const [mode, setMode] = useState<Mode>('reading');
  const [edited, setEdited] = useState(text);
  const [problem, setProblem] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  const [returnFocus, setReturnFocus] = useState(false);

  useEffect(() => {
    if (mode === 'editing') field.current?.focus();
    if (mode === 'removing') keepButton.current?.focus();
    if (mode === 'reading' && returnFocus) {
      editButton.current?.focus();
      setReturnFocus(false);
    }
  }, [mode, returnFocus]);

  const back = (): void => {
    setProblem(null);
    setReturnFocus(true);
    setMode('reading');
  };
  const save = (event: FormEvent): void => {
    event.preventDefault();
    if (strings.emptyProblem !== undefined && !edited.trim()) {
      setProblem(strings.emptyProblem);
      field.current?.focus();
      return;
    }
    onSave(edited.trim());
    back();
  };

  if (mode === 'editing') {
    return (
      <li className={look.item}>
        <form className={look.form} onSubmit={save} noValidate>
          <label htmlFor={`${id}-text`} className={look.label}>
            {strings.editLabel}
          </label>
          <textarea
            ref={field}
            id={`${id}-text`}
            className={look.field}
            rows={3}
            maxLength={maxLength}
            value={edited}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-problem` : undefined}
            onChange={(event) => setEdited(event.target.value)}
            onKeyDown={(event) => {
              if (!keyboardShortcuts) return;
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) save(event);
              if (event.key === 'Escape') back();
            }}
          />
          {problem && (
            <p id={`${id}-problem`} className={look.problem}>
              {problem}
            </p>
          )}
          <div className={look.actions}>
            <button type="submit" className={look.mainButton}>
              {strings.save}
            </button>
            <button type="button" className={look.button} onClick={back}>
              {strings.cancel}
            </button>
          </div>
        </form>
      </li>
    );
  }
  const confirm = strings.confirmRemove;
  return (
    <li className={look.item}>
      <p className={look.text}>{text || strings.emptyText}</p>
      {details}
      {editable &&
        (mode === 'removing' && confirm ? (
          <div className={look.actions} role="group" aria-labelledby={`${id}-confirm`}>
            <p id={`${id}-confirm`} className={look.confirm}>
              {confirm.question}
            </p>
            <button type="button" className={look.dangerButton} onClick={onRemove}>
              {confirm.yes}
            </button>
            <button ref={keepButton} type="button" className={look.button} onClick={back}>
              {confirm.keep}
            </button>
          </div>
        ) : (
          <div className={look.actions}>
            <button
              ref={editButton}
              type="button"
              className={look.button}
              aria-label={strings.editNamed}
              onClick={() => {
                setEdited(text);
                setMode('editing');
              }}
            >
              {strings.edit}
            </button>
            <button type="button" className={look.button} aria-label={strings.removeNamed} onClick={() => (confirm ? setMode('removing') : onRemove())}>
              {strings.remove}
            </button>
          </div>
        ))}
    </li>
  );
}
