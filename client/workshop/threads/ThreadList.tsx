import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Thread } from '../../../shared/domain/threads';
import { mayWorkOnThreads } from '../../../shared/domain/rights';
import { threadColor } from '../../../shared/weave/threadColors';
import { useDocValue } from '../useDocValue';
import { useWorkshop } from '../WorkshopContext';
import { StartThreadForm } from './StartThreadForm';
import { ThreadFilters } from './ThreadFilters';
import { ANY_THREAD, noteFactsOf, threadMatches, type ThreadFilter } from './threadFilters';

interface ThreadListProps {
  threads: readonly Thread[];
  heading: string;
  tell(sentence: string): void;
  /** The thread whose card was just closed: its entry takes the focus. */
  returnTo: string | null;
  onReturned(): void;
}

/** Every thread, narrowed by the filters, each opening its card; and a way to start one. */
export function ThreadList({ threads, heading, tell, returnTo, onReturned }: ThreadListProps) {
  const { t } = useTranslation();
  const { doc, identity, selectThread } = useWorkshop();
  const id = useId();
  const [filter, setFilter] = useState<ThreadFilter>(ANY_THREAD);
  const notes = useDocValue(doc, noteFactsOf) ?? new Map();
  const shown = threads.map((thread, index) => ({ thread, index })).filter(({ thread }) => threadMatches(thread, filter, notes));
  const entries = useRef(new Map<string, HTMLButtonElement>());
  useEffect(() => {
    if (!returnTo) return;
    entries.current.get(returnTo)?.focus();
    onReturned();
  }, [returnTo, onReturned]);

  return (
    <>
      <h2>{heading}</h2>
      <p className="hint">{t('threads.lead')}</p>
      {threads.length > 0 && <ThreadFilters filter={filter} onChange={setFilter} />}
      <p className="threads-count" id={`${id}-count`} aria-live="polite">
        {threads.length === 0
          ? t('threads.none')
          : shown.length === threads.length
            ? t('threads.countAll', { count: threads.length })
            : t('threads.countShown', { shown: shown.length, count: threads.length })}
      </p>
      {shown.length > 0 && (
        <ul className="thread-list" aria-labelledby={`${id}-count`}>
          {shown.map(({ thread, index }) => (
            <li key={thread.id}>
              <button
                ref={(element) => {
                  if (element) entries.current.set(thread.id, element);
                  else entries.current.delete(thread.id);
                }}
                type="button"
                className="thread-entry"
                onClick={() => selectThread(thread.id)}
              >
                <span className="thread-swatch" style={{ background: threadColor(index) }} aria-hidden="true" />
                <span className="thread-entry-text">
                  <span className="thread-entry-title">{thread.title || t('threads.untitled')}</span>
                  <span className="thread-entry-facts">
                    {t(`threads.status.${thread.status}`)} · {t('threads.notesCount', { count: thread.noteIds.length })} ·{' '}
                    {t('threads.learningsCount', { count: thread.learnings.length })}
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {mayWorkOnThreads(identity) && <StartThreadForm tell={tell} />}
    </>
  );
}
