import { useTranslation } from 'react-i18next';
import type { Thread } from '../../../shared/domain/threads';
import { useOwners } from './useOwners';

/** A thread's card as text, for those who may not change it. */
export function ThreadCardFields({ thread }: { thread: Thread }) {
  const { t } = useTranslation();
  const { labelOf } = useOwners();
  const empty = <span className="thread-empty">{t('threads.card.notSet')}</span>;
  return (
    <>
      <dl className="thread-fields">
        <dt>{t('threads.card.status')}</dt>
        <dd>
          <span className={`thread-status thread-status-${thread.status}`}>{t(`threads.status.${thread.status}`)}</span>
        </dd>
        <dt>{t('threads.card.owner')}</dt>
        <dd>{labelOf(thread.owner)}</dd>
        <dt>{t('threads.card.purpose')}</dt>
        <dd className="thread-text">{thread.purpose || empty}</dd>
        <dt>{t('threads.card.goal')}</dt>
        <dd className="thread-text">{thread.goal || empty}</dd>
      </dl>
      <p className="hint">{t('threads.card.whoEdits')}</p>
    </>
  );
}
