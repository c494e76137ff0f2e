import { useTranslation } from 'react-i18next';
import { gatheringOfNote } from '../../../shared/domain/gatherings';
import { GROUP_STYLES, type Group } from '../../../shared/domain/groups';
import { processNoteOf } from '../../../shared/domain/notes';
import { threadOf } from '../../../shared/domain/threads';
import { shortQuote } from '../../../shared/domain/weaving';
import { useDocValue } from '../useDocValue';
import { useOptionalWorkshop } from '../WorkshopContext';

interface MarginNote {
  id: string;
  text: string | null;
  group: Group | null;
  place: string | null;
}

/** A group as a chip: its colour, and its name in words. */
export function GroupChip({ group }: { group: Group }) {
  const { t } = useTranslation();
  return (
    <span className="narrative-chip">
      <span className="swatch" style={{ background: GROUP_STYLES[group].hex }} aria-hidden="true" />
      {t(`groups.${group}`)}
    </span>
  );
}

/** A place as a chip. */
export function PlaceChip({ place }: { place: string }) {
  return <span className="narrative-chip narrative-chip-place">{place}</span>;
}

/**
 * The margin of a passage: the thread it was woven from and its source notes with group
 * and place, each a way to the thread's card or the note on the canvas. A passage that
 * quotes no note is flagged in words.
 */
export function PassageMargin({ threadId, noteIds }: { threadId: string | null; noteIds: string[] }) {
  const { t } = useTranslation();
  const workshop = useOptionalWorkshop();
  const key = noteIds.join(' ');
  const facts = useDocValue(
    workshop?.doc ?? null,
    (doc) => ({
      thread: threadId ? (threadOf(doc, threadId)?.title ?? null) : null,
      notes: noteIds.map((id): MarginNote => {
        const note = processNoteOf(doc, id);
        return { id, text: note ? shortQuote(note.text, 90) : null, group: note?.group ?? null, place: note ? (gatheringOfNote(doc, note)?.place ?? null) : null };
      }),
    }),
    [threadId, key],
  );
  if (!workshop || !facts) return null;
  return (
    <div className="narrative-margin" contentEditable={false} role="group" aria-label={t('narrative.margin.label')}>
      {threadId && (
        <p className="narrative-margin-thread">
          <span className="narrative-margin-caption">{t('narrative.margin.thread')}</span>
          <button type="button" className="narrative-link" onClick={() => workshop.openThread(threadId)}>
            {facts.thread ?? t('narrative.margin.threadGone')}
          </button>
        </p>
      )}
      {facts.notes.length === 0 ? (
        <p className="narrative-flag">
          <span aria-hidden="true">⚠ </span>
          {t('narrative.margin.noSource')}
        </p>
      ) : (
        <>
          <p className="narrative-margin-caption">{t('narrative.margin.sources', { count: facts.notes.length })}</p>
          <ul className="narrative-margin-notes">
            {facts.notes.map((note) => (
              <li key={note.id}>
                <button
                  type="button"
                  className="narrative-source-button"
                  onClick={() => workshop.showNote(note.id)}
                >
                  <span className="visually-hidden">{t('narrative.margin.showNote')} </span>
                  <span className="narrative-source-text">{note.text ?? t('narrative.margin.noteGone')}</span>
                  <span className="narrative-chips">
                    {note.group && <GroupChip group={note.group} />}
                    {note.place && <PlaceChip place={note.place} />}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
