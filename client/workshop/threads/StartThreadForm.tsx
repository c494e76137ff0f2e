import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_THREAD_TITLE_CHARS, startThread } from '../../../shared/domain/threads';
import { useWorkshop } from '../WorkshopContext';
import { useCanvasSelection } from './useCanvasSelection';

/** Starts a thread with a title: empty, or with the notes selected on the canvas. */
export function StartThreadForm({ tell }: { tell(sentence: string): void }) {
  const { t } = useTranslation();
  const { doc, identity, selectThread } = useWorkshop();
  const selected = useCanvasSelection();
  const id = useId();
  const [title, setTitle] = useState('');
  const [withSelected, setWithSelected] = useState(true);
  const [problem, setProblem] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!title.trim()) {
      setProblem(true);
      input.current?.focus();
      return;
    }
    const noteIds = withSelected ? selected : [];
    const threadId = startThread(doc, identity, { title, noteIds });
    tell(t('threads.start.started', { title: title.trim(), count: noteIds.length }));
    setTitle('');
    selectThread(threadId);
  };

  return (
    <section className="thread-start" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('threads.start.heading')}</h3>
      <form onSubmit={submit} noValidate>
        <label htmlFor={`${id}-title`}>{t('threads.start.title')}</label>
        <input
          ref={input}
          id={`${id}-title`}
          type="text"
          value={title}
          maxLength={MAX_THREAD_TITLE_CHARS}
          autoComplete="off"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(event) => {
            setTitle(event.target.value);
            setProblem(false);
          }}
        />
        {problem && (
          <p id={`${id}-problem`} className="error">
            {t('threads.titleRequired')}
          </p>
        )}
        {selected.length > 0 ? (
          <label className="thread-check">
            <input type="checkbox" checked={withSelected} onChange={(event) => setWithSelected(event.target.checked)} />
            {t('threads.start.withSelected', { count: selected.length })}
          </label>
        ) : (
          <p className="hint">{t('threads.start.selectHint')}</p>
        )}
        <button type="submit" className="button">
          {t('threads.start.submit')}
        </button>
      </form>
    </section>
  );
}
