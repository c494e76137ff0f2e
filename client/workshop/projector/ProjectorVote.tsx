import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { shownVote, type Vote } from '../../../shared/domain/votes';
import { useDocValue } from '../useDocValue';
import { VoteResults } from '../votes/VoteResults';
import { useWorkshop } from '../WorkshopContext';
import '../votes/votes.css';

/**
 * The vote the facilitator shows the room, on the big screen beside the board: while it is
 * open, its title and where to vote; once revealed, its result in large type (the dots also
 * sit on the notes of the board beside it).
 */
export function ProjectorVote() {
  const { t } = useTranslation();
  const { doc } = useWorkshop();
  const text = useDocValue(doc, (d) => JSON.stringify(shownVote(d))) ?? 'null';
  const vote = useMemo(() => JSON.parse(text) as Vote | null, [text]);
  if (!vote || vote.state === 'closed') return null;
  if (vote.state === 'open') {
    return (
      <section className="projector-vote projector-vote-open" aria-label={t('votes.projector.open', { title: vote.title })}>
        <p className="projector-vote-title">{t('votes.projector.open', { title: vote.title })}</p>
        <p>{t('votes.projector.openHint')}</p>
      </section>
    );
  }
  return (
    <div className="projector-vote">
      <VoteResults shared={doc} vote={vote} large />
    </div>
  );
}
