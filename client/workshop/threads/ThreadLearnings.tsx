import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { gatheringsOf } from '../../../shared/domain/gatherings';
import { mayChangeLearning, mayWorkOnThreads } from '../../../shared/domain/rights';
import { addLearning, MAX_THREAD_TEXT_CHARS, removeLearning, type Thread } from '../../../shared/domain/threads';
import { dateLocale } from '../gatherings/gatheringFacts';
import { useGatheringHere } from '../gatherings/useGatheringHere';
import { useDocValue } from '../useDocValue';
import { useWorkshop } from '../WorkshopContext';
import { GroupChip } from './GroupChip';

/** A learning's day, as people read it in their language. */
function day(at: number, language: string): string {
  return new Intl.DateTimeFormat(dateLocale(language), { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(at));
}

/**
 * What was learned in a thread, by date, each with its writer's group and gathering; anyone
 * adds to it, dated today, in the gathering they are in.
 */
export function ThreadLearnings({ thread, tell }: { thread: Thread; tell(sentence: string): void }) {
  const { t, i18n } = useTranslation();
  const { doc, identity } = useWorkshop();
  const here = useGatheringHere();
  const gatherings = useDocValue(doc, gatheringsOf) ?? [];
  const id = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!text.trim()) {
      setProblem(true);
      field.current?.focus();
      return;
    }
    addLearning(doc, identity, thread.id, text, here?.id ?? null);
    setText('');
    tell(t('threads.learnings.addedTold'));
  };

  return (
    <section className="thread-learnings" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {t('threads.learnings.heading', { count: thread.learnings.length })}
      </h3>
      {thread.learnings.length === 0 ? (
        <p className="hint">{t('threads.learnings.none')}</p>
      ) : (
        <ol className="learning-list">
          {thread.learnings.map((learning) => {
            const gathering = gatherings.find((candidate) => candidate.id === learning.gatheringId);
            return (
              <li key={learning.id} className="learning">
                <p className="learning-facts">
                  <time dateTime={new Date(learning.at).toISOString()}>{day(learning.at, i18n.language)}</time>
                  <GroupChip group={learning.group} />
                  {gathering && <span>{gathering.title}</span>}
                </p>
                <p className="learning-text">{learning.text}</p>
                {mayChangeLearning(identity, learning) && (
                  <button
                    type="button"
                    className="button-quiet"
                    aria-label={`${t('threads.learnings.remove')}: ${day(learning.at, i18n.language)}`}
                    onClick={() => {
                      removeLearning(doc, learning.id);
                      tell(t('threads.learnings.removedTold'));
                      heading.current?.focus();
                    }}
                  >
                    {t('threads.learnings.remove')}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {mayWorkOnThreads(identity) && (
        <form className="learning-form" onSubmit={submit} noValidate>
          <label htmlFor={`${id}-text`}>{t('threads.learnings.label')}</label>
          <textarea
            ref={field}
            id={`${id}-text`}
            rows={3}
            value={text}
            maxLength={MAX_THREAD_TEXT_CHARS}
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
            onChange={(event) => {
              setText(event.target.value);
              setProblem(false);
            }}
          />
          {problem && (
            <p id={`${id}-problem`} className="error">
              {t('threads.learnings.required')}
            </p>
          )}
          <p id={`${id}-hint`} className="hint">
            {here ? t('threads.learnings.hintHere', { title: here.title }) : t('threads.learnings.hint')}
          </p>
          <button type="submit" className="button">
            {t('threads.learnings.add')}
          </button>
        </form>
      )}
    </section>
  );
}
