import { useTranslation } from 'react-i18next';
import { shownVote } from '../../../shared/domain/votes';
import { useDocValue } from '../useDocValue';
import { useWorkshop } from '../WorkshopContext';
import './votes.css';

/**
 * Under the step bar while the vote shown to the room is open: tells a participant so, and
 * opens their ballot in the votes panel in one click.
 */
export function VoteBanner() {
  const { t } = useTranslation();
  const { doc, identity, panel, setPanel, setView, view } = useWorkshop();
  const title = useDocValue(doc, (d) => {
    const vote = shownVote(d);
    return vote?.state === 'open' ? vote.title : null;
  });
  if (identity.role !== 'participant' || !title || (panel === 'votes' && view === 'board')) return null;
  return (
    <section className="vote-banner" aria-label={t('votes.panel')}>
      <p>{t('votes.banner.open', { title })}</p>
      <button
        type="button"
        className="button"
        onClick={() => {
          setView('board');
          setPanel('votes');
        }}
      >
        {t('votes.banner.vote')}
      </button>
    </section>
  );
}
