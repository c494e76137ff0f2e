import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { linkNotes, startThread, threadsOf, type Thread } from '../../shared/domain/threads';
import { useDocValue } from '../workshop/useDocValue';
import type { Workshop } from '../workshop/WorkshopContext';
import { threadColor } from '../../shared/weave/threadColors';

/** What the chooser did, for the sentence that tells the person. */
export interface ChooserOutcome {
  threadId: string;
  title: string;
  /** Notes newly linked (notes already in the thread stay where they are). */
  linked: number;
  started: boolean;
}

interface ThreadChooserProps {
  workshop: Workshop;
  noteIds: readonly string[];
  onDone(outcome: ChooserOutcome): void;
  onCancel(): void;
}

/**
 * Adds the notes selected on the canvas to a thread: one of the existing threads, or a new
 * one started with them. A small dialog over the canvas, used by pointer or keyboard alike
 * (focus starts on its heading; Escape closes it).
 */
export function ThreadChooser({ workshop, noteIds, onDone, onCancel }: ThreadChooserProps) {
  const { t } = useTranslation();
  const { doc, identity } = workshop;
  const threads = useDocValue(doc, threadsOf) ?? [];
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const id = useId();
  useEffect(() => heading.current?.focus(), []);

  const addTo = (thread: Thread): void => {
    const linked = noteIds.filter((noteId) => !thread.noteIds.includes(noteId)).length;
    linkNotes(doc, identity, thread.id, noteIds);
    onDone({ threadId: thread.id, title: thread.title, linked, started: false });
  };
  const start = (event: FormEvent): void => {
    event.preventDefault();
    if (!title.trim()) {
      setProblem(true);
      return;
    }
    const threadId = startThread(doc, identity, { title, noteIds });
    onDone({ threadId, title: title.trim(), linked: noteIds.length, started: true });
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };

  return (
    <section className="flet-thread-chooser" role="dialog" aria-labelledby={`${id}-heading`} onKeyDown={onKeyDown}>
      <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {t('threads.chooser.heading', { count: noteIds.length })}
      </h2>
      {threads.length > 0 && (
        <>
          <h3 id={`${id}-existing`}>{t('threads.chooser.existing')}</h3>
          <ul className="flet-thread-chooser-list" aria-labelledby={`${id}-existing`}>
            {threads.map((thread, index) => (
              <li key={thread.id}>
                <button type="button" className="flet-thread-choice" onClick={() => addTo(thread)}>
                  <span className="thread-swatch" style={{ background: threadColor(index) }} aria-hidden="true" />
                  <span>{thread.title || t('threads.untitled')}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <form className="flet-thread-chooser-new" onSubmit={start} noValidate>
        <label htmlFor={`${id}-title`}>{t('threads.chooser.newTitle')}</label>
        <input
          id={`${id}-title`}
          type="text"
          value={title}
          maxLength={200}
          autoComplete="off"
          aria-invalid={problem}
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
        <div className="flet-thread-chooser-actions">
          <button type="submit" className="button">
            {t('threads.chooser.start')}
          </button>
          <button type="button" className="button-quiet" onClick={onCancel}>
            {t('threads.chooser.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
