import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_GATHERING_PLACE_CHARS, MAX_GATHERING_TITLE_CHARS, type GatheringFacts } from '../../../shared/domain/gatherings';

/** What is wrong with a field, in words the form shows under it. */
type Problems = Partial<Record<'title' | 'place' | 'date', string>>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

interface GatheringFormProps {
  /** The facts to start from (editing), or none (adding). */
  initial?: { title: string; place: string | null; date: string | null };
  submitLabel: string;
  onSubmit(facts: Required<GatheringFacts>): void;
  onCancel?: () => void;
}

/**
 * A gathering's title, place and day, with labelled fields; what is wrong is said in words
 * under the field, and the first such field takes the focus.
 */
export function GatheringForm({ initial, submitLabel, onSubmit, onCancel }: GatheringFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState(initial?.title ?? '');
  const [place, setPlace] = useState(initial?.place ?? '');
  const [date, setDate] = useState(initial?.date ?? '');
  const [problems, setProblems] = useState<Problems>({});
  const fields = { title: useRef<HTMLInputElement>(null), place: useRef<HTMLInputElement>(null), date: useRef<HTMLInputElement>(null) };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const found: Problems = {};
    if (!title.trim()) found.title = t('gatherings.form.titleRequired');
    else if (title.trim().length > MAX_GATHERING_TITLE_CHARS) found.title = t('gatherings.form.tooLong', { max: MAX_GATHERING_TITLE_CHARS });
    if (place.trim().length > MAX_GATHERING_PLACE_CHARS) found.place = t('gatherings.form.tooLong', { max: MAX_GATHERING_PLACE_CHARS });
    if (date && !DAY.test(date)) found.date = t('gatherings.form.dateInvalid');
    setProblems(found);
    const first = (['title', 'place', 'date'] as const).find((name) => found[name]);
    if (first) {
      fields[first].current?.focus();
      return;
    }
    onSubmit({ title: title.trim(), place: place.trim() || null, date: date || null });
    if (!initial) {
      setTitle('');
      setPlace('');
      setDate('');
    }
  };

  const field = (name: 'title' | 'place' | 'date', label: string, value: string, set: (value: string) => void, type = 'text') => (
    <div className="gathering-field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        ref={fields[name]}
        id={`${id}-${name}`}
        type={type}
        value={value}
        autoComplete="off"
        required={name === 'title'}
        aria-invalid={problems[name] ? true : undefined}
        aria-describedby={problems[name] ? `${id}-${name}-problem` : undefined}
        onChange={(event) => set(event.target.value)}
      />
      {problems[name] && (
        <p id={`${id}-${name}-problem`} className="error">
          {problems[name]}
        </p>
      )}
    </div>
  );

  return (
    <form className="gathering-form" onSubmit={submit} noValidate>
      {field('title', t('gatherings.form.title'), title, setTitle)}
      {field('place', t('gatherings.form.place'), place, setPlace)}
      {field('date', t('gatherings.form.date'), date, setDate, 'date')}
      <div className="gathering-form-actions">
        <button type="submit" className="button">
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button-quiet" onClick={onCancel}>
            {t('gatherings.form.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
