import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { threadOf, threadsOf } from '../../../shared/domain/threads';
import { useDocValue } from '../useDocValue';
import { useWorkshop } from '../WorkshopContext';
import { ThreadCard } from './ThreadCard';
import { ThreadList } from './ThreadList';
import './threads.css';

/**
 * The threads: a list with filters, a way to start one, and each thread's card with its notes
 * in order and its log of what was learned. Everything here works by keyboard and screen
 * reader without the canvas; what is done is said in a live region.
 */
export function ThreadsPanel() {
  const { t } = useTranslation();
  const { doc, selectedThreadId, selectThread } = useWorkshop();
  const threads = useDocValue(doc, threadsOf) ?? [];
  const [told, setTold] = useState('');
  // A thread started a moment ago is in the document before the list is read again.
  const listed = threads.findIndex((thread) => thread.id === selectedThreadId);
  const thread = listed >= 0 ? threads[listed] : selectedThreadId ? threadOf(doc, selectedThreadId) : undefined;
  const index = listed >= 0 ? listed : threads.length;
  // Back from a card, the focus returns to the thread's entry in the list.
  const [returnTo, setReturnTo] = useState<string | null>(null);
  const tell = useCallback((sentence: string) => {
    // The same sentence twice is still news: clear, then say it.
    setTold('');
    requestAnimationFrame(() => setTold(sentence));
  }, []);
  useEffect(() => {
    // The thread was removed (here or elsewhere): back to the list.
    if (selectedThreadId && !thread) selectThread(null);
  }, [selectedThreadId, thread, selectThread]);

  return (
    <div className="threads-panel">
      <div className="panel-told" role="status">
        {told}
      </div>
      {thread ? (
        <ThreadCard
          key={thread.id}
          thread={thread}
          index={index}
          tell={tell}
          onBack={() => {
            setReturnTo(thread.id);
            selectThread(null);
          }}
        />
      ) : (
        <ThreadList threads={threads} tell={tell} returnTo={returnTo} onReturned={() => setReturnTo(null)} heading={t('threads.heading')} />
      )}
    </div>
  );
}
