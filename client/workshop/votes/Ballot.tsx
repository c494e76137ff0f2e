import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { GROUP_STYLES } from '../../../shared/domain/groups';
import { ballotOf, giveDots, type Vote } from '../../../shared/domain/votes';
import { useDocValue } from '../useDocValue';
import { shortNoteText, voteNoteRows, type VoteNoteRow } from './voteNotes';
import './votes.css';

export interface BallotProps {
  /** The workshop's shared document (the vote and its notes). */
  shared: Y.Doc;
  /** This participant's private document (their dots), or null until it is open. */
  privateDoc: Y.Doc | null;
  vote: Vote;
}

/** This person's dots per note of one vote, as text, so a change elsewhere renders nothing. */
function givenText(privateDoc: Y.Doc, voteId: string): string {
  return JSON.stringify(
    ballotOf(privateDoc, voteId)
      .map((entry) => [entry.noteId, entry.dots] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/**
 * One person's ballot in a dot vote: the vote's notes, each with buttons to add and take back
 * a dot, and how many dots are left. The dots go to the person's private document, never the
 * shared one. A dot the rules refuse (none left, a second one on a note, a closed vote) is
 * explained in words, never thrown. Takes everything by props so the board's panel and the
 * phone view both use it.
 */
export function Ballot({ shared, privateDoc, vote }: BallotProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const noteKey = vote.noteIds.join(' ');
  const rowsText = useDocValue(shared, (doc) => JSON.stringify(voteNoteRows(doc, vote.noteIds)), [noteKey]) ?? '[]';
  const rows = useMemo(() => JSON.parse(rowsText) as VoteNoteRow[], [rowsText]);
  const given = new Map(JSON.parse(useDocValue(privateDoc, (doc) => givenText(doc, vote.id), [vote.id]) ?? '[]') as Array<[string, number]>);
  const spent = [...given.values()].reduce((sum, dots) => sum + dots, 0);
  const left = Math.max(0, vote.budget - spent);
  const [told, setTold] = useState('');

  const heading = (
    <h3 id={headingId} className="ballot-heading">
      {t('votes.ballot.heading', { title: vote.title })}
    </h3>
  );
  if (!privateDoc) {
    return (
      <section className="ballot" aria-labelledby={headingId}>
        {heading}
        <p role="status">{t('votes.ballot.loading')}</p>
      </section>
    );
  }

  const open = vote.state === 'open';
  const change = (row: VoteNoteRow, by: 1 | -1): void => {
    // Read now, not from the last render: a quick second tap comes before the first is drawn.
    const now = ballotOf(privateDoc, vote.id).find((entry) => entry.noteId === row.noteId)?.dots ?? 0;
    const dots = now + by;
    if (dots < 0) return;
    let refusal;
    try {
      refusal = giveDots(privateDoc, shared, vote.id, row.noteId, dots);
    } catch {
      refusal = 'invalid-ballot' as const;
    }
    setTold(refusal ? t(`votes.ballot.refusals.${refusal}`) : '');
  };

  return (
    <section className="ballot" aria-labelledby={headingId}>
      {heading}
      <p className="ballot-facts">
        {t('votes.budgetFacts', { count: vote.budget })} · {vote.several ? t('votes.severalFacts') : t('votes.oneFacts')}
      </p>
      <p className="ballot-left" aria-live="polite" aria-atomic="true">
        {t('votes.ballot.left', { left, budget: vote.budget })}
      </p>
      {!open && <p className="ballot-closed">{vote.state === 'revealed' ? t('votes.ballot.revealed') : t('votes.ballot.closed')}</p>}
      <p className="ballot-told error" role="status">
        {told}
      </p>
      <ul className="ballot-notes">
        {rows.map((row) => {
          const dots = given.get(row.noteId) ?? 0;
          const name = shortNoteText(row.text) || t('votes.ballot.empty');
          return (
            <li key={row.noteId} className="ballot-note" data-given={dots > 0 || undefined}>
              <div className="ballot-note-text">
                <p className="ballot-note-words">{row.text}</p>
                <p className="ballot-note-group">
                  <span className="swatch" style={{ background: row.group ? GROUP_STYLES[row.group].hex : 'transparent' }} aria-hidden="true" />
                  {row.group ? t(`groups.${row.group}`) : t('votes.ballot.noGroup')}
                </p>
              </div>
              <div className="ballot-note-dots">
                <button
                  type="button"
                  className="ballot-button"
                  aria-label={t('votes.ballot.remove', { note: name })}
                  // Not disabled when there is nothing to take back: the focus stays where it was.
                  aria-disabled={dots === 0 || undefined}
                  disabled={!open}
                  onClick={() => change(row, -1)}
                >
                  <span aria-hidden="true">−</span>
                </button>
                <span className="ballot-given">
                  <span className="ballot-dots" aria-hidden="true">
                    {Array.from({ length: Math.min(dots, 20) }, (_, index) => (
                      <span key={index} className="ballot-dot" />
                    ))}
                  </span>
                  {t('votes.ballot.given', { count: dots })}
                </span>
                <button
                  type="button"
                  className="ballot-button"
                  aria-label={t('votes.ballot.add', { note: name })}
                  disabled={!open}
                  onClick={() => change(row, 1)}
                >
                  <span aria-hidden="true">+</span>
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <p className="hint">{t('votes.ballot.private')}</p>
    </section>
  );
}
