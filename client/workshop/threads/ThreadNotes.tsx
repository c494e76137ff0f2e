import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayWorkOnThreads } from '../../../shared/domain/rights';
import { linkNotes, moveLinkedNote, unlinkNote, type Thread } from '../../../shared/domain/threads';
import { useDocValue } from '../useDocValue';
import { useWorkshop } from '../WorkshopContext';
import { GroupChip } from './GroupChip';
import { NotePicker } from './NotePicker';
import { noteRowsOf, type NoteRow } from './threadNoteRows';
import { useCanvasSelection } from './useCanvasSelection';

/** Longest excerpt of a note in the list, in characters. */
const EXCERPT_CHARS = 160;

function excerpt(text: string): string {
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1)}…` : text;
}

/**
 * A thread's notes in order, from any gathering: each shown on the canvas in one click,
 * moved earlier or later, or unlinked; the notes selected on the canvas (or chosen from a
 * list, without the canvas) are linked at the end.
 */
export function ThreadNotes({ thread, tell }: { thread: Thread; tell(sentence: string): void }) {
  const { t } = useTranslation();
  const { doc, identity, showNote } = useWorkshop();
  const id = useId();
  const rows = useDocValue(doc, (d) => noteRowsOf(d, thread.noteIds), [thread.noteIds.join(' ')]) ?? [];
  const selected = useCanvasSelection();
  const working = mayWorkOnThreads(identity);
  const fresh = selected.filter((noteId) => !thread.noteIds.includes(noteId));
  const title = thread.title || t('threads.untitled');
  // After a move the list re-orders a frame later; the moved note's button keeps the focus.
  const [focus, setFocus] = useState<{ noteId: string; direction: -1 | 1; at: number } | null>(null);
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (!focus) return;
    const at = thread.noteIds.indexOf(focus.noteId);
    if (at === focus.at) return;
    const item = list.current?.querySelector<HTMLElement>(`[data-note-id="${CSS.escape(focus.noteId)}"]`);
    const wanted = item?.querySelector<HTMLButtonElement>(`[data-move="${focus.direction}"]`);
    const other = item?.querySelector<HTMLButtonElement>(`[data-move="${-focus.direction}"]`);
    (wanted && !wanted.disabled ? wanted : other)?.focus();
    setFocus(null);
  }, [focus, thread.noteIds]);

  const link = (noteIds: readonly string[]): void => {
    const count = noteIds.filter((noteId) => !thread.noteIds.includes(noteId)).length;
    linkNotes(doc, identity, thread.id, noteIds);
    tell(t('threads.notes.linkedTold', { count, title }));
  };
  const label = (row: NoteRow): string => (row.text === null ? t('threads.notes.gone') : excerpt(row.text) || t('threads.notes.empty'));

  return (
    <section className="thread-notes" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} tabIndex={-1}>
        {t('threads.notes.heading', { count: rows.length })}
      </h3>
      {rows.length === 0 ? (
        <p className="hint">{t('threads.notes.none')}</p>
      ) : (
        <ol className="thread-note-list" ref={list}>
          {rows.map((row, index) => (
            <li key={row.noteId} data-note-id={row.noteId} className="thread-note">
              <p className="thread-note-text">{label(row)}</p>
              <p className="thread-note-facts">
                {row.text !== null && <GroupChip group={row.group} />}
                {row.gatheringTitle && <span>{row.gatheringTitle}</span>}
              </p>
              <div className="thread-actions">
                {row.text !== null && (
                  <button type="button" className="button-quiet" aria-label={`${t('threads.notes.show')}: ${label(row)}`} onClick={() => showNote(row.noteId)}>
                    {t('threads.notes.show')}
                  </button>
                )}
                {working && (
                  <>
                    <button
                      type="button"
                      className="button-quiet"
                      data-move="-1"
                      aria-label={`${t('threads.notes.up')}: ${label(row)}`}
                      disabled={index === 0}
                      onClick={() => {
                        moveLinkedNote(doc, identity, thread.id, row.noteId, -1);
                        setFocus({ noteId: row.noteId, direction: -1, at: index });
                      }}
                    >
                      {t('threads.notes.up')}
                    </button>
                    <button
                      type="button"
                      className="button-quiet"
                      data-move="1"
                      aria-label={`${t('threads.notes.down')}: ${label(row)}`}
                      disabled={index === rows.length - 1}
                      onClick={() => {
                        moveLinkedNote(doc, identity, thread.id, row.noteId, 1);
                        setFocus({ noteId: row.noteId, direction: 1, at: index });
                      }}
                    >
                      {t('threads.notes.down')}
                    </button>
                    <button
                      type="button"
                      className="button-quiet"
                      aria-label={`${t('threads.notes.unlink')}: ${label(row)}`}
                      onClick={() => {
                        unlinkNote(doc, thread.id, row.noteId);
                        tell(t('threads.notes.unlinkedTold', { title }));
                        list.current?.closest('section')?.querySelector<HTMLElement>('h3')?.focus();
                      }}
                    >
                      {t('threads.notes.unlink')}
                    </button>
                  </>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      {working && (
        <>
          <button type="button" className="button thread-link-selected" disabled={fresh.length === 0} onClick={() => link(fresh)}>
            {fresh.length > 0 ? t('threads.notes.linkSelected', { count: fresh.length }) : t('threads.notes.linkSelectedNone')}
          </button>
          {fresh.length === 0 && <p className="hint">{t('threads.notes.selectHint')}</p>}
          <NotePicker linked={thread.noteIds} onLink={link} />
        </>
      )}
    </section>
  );
}
