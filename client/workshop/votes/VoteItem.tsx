import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { closeVote, showVote, type Vote } from '../../../shared/domain/votes';
import { ApiError, revealVote } from '../../api';
import { keptToken } from '../../credentials';
import { useWorkshop } from '../WorkshopContext';
import { VoteResults } from './VoteResults';

/** The sentence for a failed reveal, in the reader's language. */
function revealProblem(error: unknown, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (error instanceof ApiError) {
    if (error.code === 'already_revealed') return t('votes.revealErrors.already_revealed');
    if (error.status === 404) return t('votes.revealErrors.notFound');
    if (error.status === 401 || error.status === 403) return t('votes.revealErrors.unauthorized');
    if (error.code === 'network') return t('votes.revealErrors.network');
  }
  return t('votes.revealErrors.other', { message: error instanceof Error ? error.message : String(error) });
}

/**
 * One vote as the facilitator runs it: its facts and state, close it, reveal its result (the
 * server counts the private ballots), and show it to the room or stop showing it.
 */
export function VoteItem({ vote, shown, tell }: { vote: Vote; shown: boolean; tell(sentence: string): void }) {
  const { t } = useTranslation();
  const { doc, workshopId, showNote } = useWorkshop();
  const [revealing, setRevealing] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // The button pressed goes away with the state it changed: the focus moves to what comes next.
  const item = useRef<HTMLLIElement>(null);
  const [focusNext, setFocusNext] = useState<'reveal' | 'result' | null>(null);
  useEffect(() => {
    const target = focusNext === 'reveal' && vote.state === 'closed' ? '[data-action="reveal"]' : focusNext === 'result' && vote.state === 'revealed' ? '.vote-results-heading' : null;
    if (!target) return;
    item.current?.querySelector<HTMLElement>(target)?.focus();
    setFocusNext(null);
  }, [focusNext, vote.state]);
  // Among several votes' buttons a screen reader names the vote too, after the visible words.
  const named = (words: string): string => `${words}: ${vote.title}`;

  const reveal = async (): Promise<void> => {
    const token = keptToken(workshopId, 'board');
    if (!token) {
      setFailure(t('votes.revealErrors.unauthorized'));
      return;
    }
    setRevealing(true);
    setFailure(null);
    try {
      await revealVote(workshopId, vote.id, token);
      setFocusNext('result');
      tell(t('votes.actions.revealed', { title: vote.title }));
    } catch (error) {
      setFailure(revealProblem(error, t));
    } finally {
      setRevealing(false);
    }
  };

  return (
    <li ref={item} className="vote-item" data-vote-id={vote.id}>
      <h3 className="vote-item-title">{vote.title}</h3>
      <p className="vote-item-facts">
        {t(`votes.state.${vote.state}`)} · {t('votes.notesCount', { count: vote.noteIds.length })} · {t('votes.budgetFacts', { count: vote.budget })} ·{' '}
        {vote.several ? t('votes.severalFacts') : t('votes.oneFacts')}
        {shown && (
          <>
            {' · '}
            <span className="vote-shown">{t('votes.actions.shown')}</span>
          </>
        )}
      </p>
      <div className="vote-item-actions">
        {vote.state === 'open' && (
          <button
            type="button"
            className="button-quiet"
            aria-label={named(t('votes.actions.close'))}
            onClick={() => {
              closeVote(doc, vote.id);
              setFocusNext('reveal');
              tell(t('votes.actions.closed', { title: vote.title }));
            }}
          >
            {t('votes.actions.close')}
          </button>
        )}
        {vote.state === 'closed' && (
          <button
            type="button"
            className="button-quiet"
            data-action="reveal"
            aria-label={named(t('votes.actions.reveal'))}
            aria-disabled={revealing || undefined}
            onClick={() => {
              if (!revealing) void reveal();
            }}
          >
            {t('votes.actions.reveal')}
          </button>
        )}
        <button
          type="button"
          className="button-quiet"
          aria-label={named(t(shown ? 'votes.actions.stopShowing' : 'votes.actions.show'))}
          onClick={() => {
            showVote(doc, shown ? null : vote.id);
            tell(t(shown ? 'votes.actions.stopTold' : 'votes.actions.showTold', { title: vote.title }));
          }}
        >
          {t(shown ? 'votes.actions.stopShowing' : 'votes.actions.show')}
        </button>
      </div>
      {revealing && <p role="status">{t('votes.actions.revealing')}</p>}
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
      {vote.state === 'revealed' && <VoteResults shared={doc} vote={vote} onShowNote={showNote} />}
    </li>
  );
}
