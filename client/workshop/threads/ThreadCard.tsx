import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayEditThreadCard, mayRemoveThread } from '../../../shared/domain/rights';
import { removeThread, type Thread } from '../../../shared/domain/threads';
import { threadColor } from '../../../shared/weave/threadColors';
import { useWorkshop } from '../WorkshopContext';
import { ThreadCardFields } from './ThreadCardFields';
import { ThreadCardForm } from './ThreadCardForm';
import { ThreadLearnings } from './ThreadLearnings';
import { ThreadNotes } from './ThreadNotes';

interface ThreadCardProps {
  thread: Thread;
  /** Its place among all threads, which gives its colour. */
  index: number;
  tell(sentence: string): void;
  onBack(): void;
}

/**
 * One thread's card: its owner and the facilitator change title, purpose, goal, owner and
 * status; others read them. Anyone links, orders and unlinks its notes and adds what was
 * learned.
 */
export function ThreadCard({ thread, index, tell, onBack }: ThreadCardProps) {
  const { t } = useTranslation();
  const { doc, identity } = useWorkshop();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    // Opened from the list or another view, the card takes the focus; opened from the
    // canvas (a thread just chosen there), the focus stays on the canvas.
    const active = document.activeElement;
    const panel = heading.current?.closest('.side-panel');
    if (!active || active === document.body || panel?.contains(active)) heading.current?.focus();
  }, [thread.id]);
  const title = thread.title || t('threads.untitled');

  return (
    <article className="thread-card" aria-labelledby={`${id}-title`}>
      <button type="button" className="button-quiet thread-back" onClick={onBack}>
        {t('threads.card.back')}
      </button>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1} className="thread-card-title">
        <span className="thread-swatch" style={{ background: threadColor(index) }} aria-hidden="true" />
        {title}
      </h2>
      {mayEditThreadCard(identity, thread) ? <ThreadCardForm key={thread.id} thread={thread} tell={tell} /> : <ThreadCardFields thread={thread} />}
      <ThreadNotes thread={thread} tell={tell} />
      <ThreadLearnings thread={thread} tell={tell} />
      {mayRemoveThread(identity) && (
        <section className="thread-remove" aria-label={t('threads.card.removeHeading')}>
          {confirming ? (
            <div role="group" aria-label={t('threads.card.removeHeading')}>
              <p>{t('threads.card.removeQuestion', { title })}</p>
              <div className="thread-actions">
                <button
                  type="button"
                  className="button-quiet button-danger"
                  onClick={() => {
                    removeThread(doc, thread.id);
                    tell(t('threads.card.removedTold', { title }));
                  }}
                >
                  {t('threads.card.removeConfirm')}
                </button>
                <button type="button" className="button-quiet" onClick={() => setConfirming(false)}>
                  {t('threads.card.keep')}
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className="button-quiet button-danger" onClick={() => setConfirming(true)}>
              {t('threads.card.remove')}
            </button>
          )}
        </section>
      )}
    </article>
  );
}
