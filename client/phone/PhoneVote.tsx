import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { shownVote, type Vote } from '../../shared/domain/votes';
import { Ballot } from '../workshop/votes/Ballot';
import { VoteResults } from '../workshop/votes/VoteResults';
import { useDocValue } from '../workshop/useDocValue';

/**
 * The vote the facilitator shows the room: while it is open (or closed, not yet counted) this
 * person's ballot, whose dots stay in their private document; once revealed, the result.
 * Nothing when no vote is shown.
 */
export function PhoneVote({ shared, privateDoc }: { shared: Y.Doc; privateDoc: Y.Doc | null }) {
  const { t } = useTranslation();
  const voteText = useDocValue(shared, (doc) => JSON.stringify(shownVote(doc))) ?? 'null';
  const vote = useMemo(() => JSON.parse(voteText) as Vote | null, [voteText]);
  if (!vote) return null;
  return (
    <section className="phone-card phone-vote" aria-labelledby="phone-vote-heading">
      <h2 id="phone-vote-heading">{t('phone.vote.heading')}</h2>
      {vote.state === 'revealed' ? <VoteResults shared={shared} vote={vote} /> : <Ballot shared={shared} privateDoc={privateDoc} vote={vote} />}
    </section>
  );
}
