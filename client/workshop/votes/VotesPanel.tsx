import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { votesOf, type Vote } from '../../../shared/domain/votes';
import { liveOf } from '../../../shared/schema';
import { useDocValue } from '../useDocValue';
import { useWorkshop } from '../WorkshopContext';
import { Ballot } from './Ballot';
import { OpenVoteForm } from './OpenVoteForm';
import { VoteItem } from './VoteItem';
import { VoteResults } from './VoteResults';
import './votes.css';

interface VotesNow {
  votes: Vote[];
  shownId: string | null;
}

/** Every vote, newest first, and the one shown to the room; as text, so other changes render nothing. */
function votesText(doc: Y.Doc): string {
  const shownId = liveOf(doc).get('voteId');
  return JSON.stringify({ votes: votesOf(doc).reverse(), shownId: typeof shownId === 'string' ? shownId : null });
}

/**
 * The votes side panel. The facilitator opens votes and runs them (close, reveal, show to
 * the room); a participant gives their dots in each vote not yet revealed (the one shown to
 * the room first) and reads the results of revealed ones.
 */
export function VotesPanel() {
  const { t } = useTranslation();
  const { doc, privateDoc, identity, showNote } = useWorkshop();
  const text = useDocValue(doc, votesText) ?? '{"votes":[],"shownId":null}';
  const { votes, shownId } = useMemo(() => JSON.parse(text) as VotesNow, [text]);
  const [told, setTold] = useState('');
  const facilitator = identity.role === 'facilitator';
  // The vote shown to the room comes first; the rest newest first.
  const ordered = [...votes].sort((a, b) => Number(b.id === shownId) - Number(a.id === shownId));

  return (
    <section className="votes" aria-labelledby="votes-heading">
      <h2 id="votes-heading" className="votes-heading">
        {t('votes.heading')}
      </h2>
      <p className="votes-lead">{t('votes.lead')}</p>
      <p role="status" className="visually-hidden">
        {told}
      </p>
      {votes.length === 0 && <p>{t('votes.none')}</p>}
      {votes.length > 0 && (
        <ul className="votes-list">
          {ordered.map((vote) =>
            facilitator ? (
              <VoteItem key={vote.id} vote={vote} shown={vote.id === shownId} tell={setTold} />
            ) : (
              <li key={vote.id} className="vote-item">
                {vote.state === 'revealed' ? <VoteResults shared={doc} vote={vote} onShowNote={showNote} /> : <Ballot shared={doc} privateDoc={privateDoc} vote={vote} />}
              </li>
            ),
          )}
        </ul>
      )}
      {facilitator && <OpenVoteForm />}
    </section>
  );
}
