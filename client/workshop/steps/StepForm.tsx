import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_STEP_DURATION_SEC, MAX_STEP_DURATION_SEC, MAX_STEP_PROMPT_CHARS, MAX_STEP_TITLE_CHARS, type StepFacts } from '../../../shared/domain/steps';

type Field = 'title' | 'prompt' | 'minutes';
type Problems = Partial<Record<Field, string>>;

const MAX_MINUTES = MAX_STEP_DURATION_SEC / 60;

interface StepFormProps {
  /** The step to start from (editing), or none (adding). */
  initial?: Required<StepFacts>;
  /** Whether the step starts out private (private writing: notes stay drafts until the reveal). */
  initialPrivate?: boolean;
  submitLabel: string;
  onSubmit(facts: Required<StepFacts>, isPrivate: boolean): void;
  onCancel?: () => void;
}

/**
 * A step's title, question and duration in minutes, with labelled fields; what is wrong is
 * said in words under the field, and the first such field takes the focus.
 */
export function StepForm({ initial, initialPrivate = false, submitLabel, onSubmit, onCancel }: StepFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState(initial?.title ?? '');
  const [prompt, setPrompt] = useState(initial?.prompt ?? '');
  const [minutes, setMinutes] = useState(String(Math.round((initial?.durationSec ?? DEFAULT_STEP_DURATION_SEC) / 60)));
  const [isPrivate, setIsPrivate] = useState(initialPrivate);
  const [problems, setProblems] = useState<Problems>({});
  const fields = {
    title: useRef<HTMLInputElement>(null),
    prompt: useRef<HTMLTextAreaElement>(null),
    minutes: useRef<HTMLInputElement>(null),
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const found: Problems = {};
    if (!title.trim()) found.title = t('run.form.titleRequired');
    else if (title.trim().length > MAX_STEP_TITLE_CHARS) found.title = t('run.form.tooLong', { max: MAX_STEP_TITLE_CHARS });
    if (prompt.trim().length > MAX_STEP_PROMPT_CHARS) found.prompt = t('run.form.tooLong', { max: MAX_STEP_PROMPT_CHARS });
    const count = Number(minutes.trim());
    if (!/^\d+$/.test(minutes.trim()) || count > MAX_MINUTES) found.minutes = t('run.form.minutesInvalid', { max: MAX_MINUTES });
    setProblems(found);
    const first = (['title', 'prompt', 'minutes'] as const).find((name) => found[name]);
    if (first) {
      fields[first].current?.focus();
      return;
    }
    onSubmit({ title: title.trim(), prompt: prompt.trim(), durationSec: count * 60 }, isPrivate);
    if (!initial) {
      setTitle('');
      setPrompt('');
      setIsPrivate(false);
    }
  };

  const described = (name: Field) => ({
    id: `${id}-${name}`,
    'aria-invalid': problems[name] ? true : undefined,
    'aria-describedby': problems[name] ? `${id}-${name}-problem` : undefined,
  });
  const problem = (name: Field) =>
    problems[name] && (
      <p id={`${id}-${name}-problem`} className="error">
        {problems[name]}
      </p>
    );

  return (
    <form className="step-form" onSubmit={submit} noValidate>
      <div className="step-field">
        <label htmlFor={`${id}-title`}>{t('run.form.title')}</label>
        <input ref={fields.title} {...described('title')} type="text" value={title} autoComplete="off" required onChange={(event) => setTitle(event.target.value)} />
        {problem('title')}
      </div>
      <div className="step-field">
        <label htmlFor={`${id}-prompt`}>{t('run.form.prompt')}</label>
        <textarea ref={fields.prompt} {...described('prompt')} rows={3} value={prompt} onChange={(event) => setPrompt(event.target.value)} />
        {problem('prompt')}
      </div>
      <div className="step-field">
        <label htmlFor={`${id}-minutes`}>{t('run.form.minutes')}</label>
        <input
          ref={fields.minutes}
          {...described('minutes')}
          className="step-minutes"
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_MINUTES}
          step={1}
          value={minutes}
          onChange={(event) => setMinutes(event.target.value)}
        />
        {problem('minutes')}
      </div>
      <label className="step-private">
        <input type="checkbox" checked={isPrivate} onChange={(event) => setIsPrivate(event.target.checked)} />
        {t('privateWriting.form.private')}
      </label>
      <div className="step-form-actions">
        <button type="submit" className="button">
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button-quiet" onClick={onCancel}>
            {t('run.form.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
