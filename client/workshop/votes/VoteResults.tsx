import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { gatheringsOf } from '../../../shared/domain/gatherings';
import { GROUP_STYLES, GROUPS, type Group } from '../../../shared/domain/groups';
import type { NoteTally, Vote } from '../../../shared/domain/votes';
import { useDocValue } from '../useDocValue';
import { resultNoteRow, shortNoteText, type VoteNoteRow } from './voteNotes';
import './votes.css';

export interface VoteResultsProps {
  shared: Y.Doc;
  vote: Vote;
  /** For the projector: large type, and only the notes that fit the screen. */
  large?: boolean;
  /** Where the board is at hand: a button per note brings it into view there. */
  onShowNote?: (noteId: string) => void;
}

/** Notes the projector lists: more would not be readable from the back of the room. */
const LARGE_LIMIT = 6;

/** The groups that gave dots in this vote, in the legend's order. */
function groupsIn(notes: readonly NoteTally[], votersByGroup: Partial<Record<Group, number>>): Group[] {
  return GROUPS.filter((group) => (votersByGroup[group] ?? 0) > 0 || notes.some((note) => (note.byGroup[group] ?? 0) > 0));
}

/**
 * A revealed vote's result: notes sorted by total, each with a bar per stakeholder group side
 * by side (and per place when the dots came from several gatherings), every number written
 * out beside its bar, and how many people of each group voted. Read from the tally the
 * server wrote: no ballot of anyone is ever here.
 */
export function VoteResults({ shared, vote, large = false, onShowNote }: VoteResultsProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const tally = vote.tally;
  const notes = tally?.notes ?? [];
  const noteKey = notes.map((note) => note.noteId).join(' ');
  const rowsText = useDocValue(shared, (doc) => JSON.stringify(notes.map((note) => resultNoteRow(doc, note.noteId))), [noteKey]) ?? '[]';
  const rows = useMemo(() => JSON.parse(rowsText) as Array<VoteNoteRow | null>, [rowsText]);
  const placeNames = useDocValue(shared, (doc) => JSON.stringify(gatheringsOf(doc).map((gathering) => [gathering.id, gathering.title]))) ?? '[]';
  const places = useMemo(() => new Map(JSON.parse(placeNames) as Array<[string, string]>), [placeNames]);
  if (!tally) return null;

  const groups = groupsIn(notes, tally.votersByGroup);
  const placeIds = [...new Set(notes.flatMap((note) => Object.keys(note.byPlace).filter((place) => note.byPlace[place] > 0)))];
  const severalPlaces = placeIds.length > 1;
  // One scale for every bar, so a longer bar is always more dots.
  const most = Math.max(1, ...notes.flatMap((note) => [...Object.values(note.byGroup), ...(severalPlaces ? Object.values(note.byPlace) : [])].map(Number)));
  const shown = large ? notes.slice(0, LARGE_LIMIT) : notes;
  const placeName = (id: string): string => (id === '' ? t('votes.results.noPlace') : (places.get(id) ?? t('votes.results.noPlace')));

  return (
    <section className={`vote-results${large ? ' vote-results-large' : ''}`} aria-labelledby={headingId} data-testid="vote-results">
      {large ? (
        <h2 id={headingId} className="vote-results-heading">
          {t('votes.results.heading', { title: vote.title })}
        </h2>
      ) : (
        <h3 id={headingId} className="vote-results-heading" tabIndex={-1}>
          {t('votes.results.heading', { title: vote.title })}
        </h3>
      )}
      <p className="vote-results-voters">
        {t('votes.results.voters', { count: tally.voters })}
        {groups.length > 0 && ': '}
        {groups.map((group, index) => (
          <span key={group} className="vote-results-voter-group">
            {index > 0 && ', '}
            <span className="swatch" style={{ background: GROUP_STYLES[group].hex }} aria-hidden="true" />
            {t(`groups.${group}`)} {tally.votersByGroup[group] ?? 0}
          </span>
        ))}
      </p>
      {notes.length === 0 || notes.every((note) => note.total === 0) ? (
        <p>{t('votes.results.none')}</p>
      ) : (
        <ol className="vote-results-notes">
          {shown.map((note, index) => {
            const row = rows[index];
            return (
              <li key={note.noteId} className="vote-result" data-note-id={note.noteId}>
                <p className="vote-result-head">
                  <span className="vote-result-rank">{index + 1}.</span>
                  <span className="vote-result-text">{row ? row.text : t('votes.results.gone')}</span>
                  <strong className="vote-result-total">{t('votes.results.total', { count: note.total })}</strong>
                </p>
                <Bars
                  label={t('votes.results.byGroup')}
                  bars={groups.map((group) => ({
                    key: group,
                    name: t(`groups.${group}`),
                    count: note.byGroup[group] ?? 0,
                    color: GROUP_STYLES[group].hex,
                  }))}
                  most={most}
                />
                {onShowNote && row && (
                  <button
                    type="button"
                    className="button-quiet vote-result-show"
                    aria-label={`${t('votes.results.show')}: ${shortNoteText(row.text)}`}
                    onClick={() => onShowNote(note.noteId)}
                  >
                    {t('votes.results.show')}
                  </button>
                )}
                {severalPlaces && (
                  <Bars
                    label={t('votes.results.byPlace')}
                    bars={placeIds.map((place) => ({ key: place, name: placeName(place), count: note.byPlace[place] ?? 0, color: '#4a4f57' }))}
                    most={most}
                  />
                )}
              </li>
            );
          })}
        </ol>
      )}
      {shown.length < notes.length && <p className="vote-results-more">{t('votes.results.more', { count: notes.length - shown.length })}</p>}
    </section>
  );
}

interface Bar {
  key: string;
  name: string;
  count: number;
  color: string;
}

/** A few labelled bars side by side; each bar's number is in its text, the bar only shows it. */
function Bars({ label, bars, most }: { label: string; bars: Bar[]; most: number }) {
  const { t } = useTranslation();
  return (
    <ul className="vote-bars" aria-label={label}>
      {bars.map((bar) => (
        <li key={bar.key} className="vote-bar-row">
          <span className="vote-bar-name">{t('votes.results.groupDots', { group: bar.name, count: bar.count })}</span>
          <span className="vote-bar-track" aria-hidden="true">
            <span className="vote-bar" style={{ width: `${(bar.count / most) * 100}%`, background: bar.color }} />
          </span>
        </li>
      ))}
    </ul>
  );
}
