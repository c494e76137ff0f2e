import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { activeGatheringsOf } from '../../../shared/domain/gatherings';
import { useDocValue } from '../useDocValue';
import { useWorkshop } from '../WorkshopContext';
import { GroupChip } from './GroupChip';
import { notesOutside } from './threadNoteRows';

/** Most notes listed at once; the gathering filter narrows a long board. */
const MAX_LISTED = 60;

/**
 * Linking without the canvas: the board's notes as a list of checkboxes, narrowed by
 * gathering, linked at the end of the thread in the order they are listed.
 */
export function NotePicker({ linked, onLink }: { linked: readonly string[]; onLink(noteIds: string[]): void }) {
  const { t } = useTranslation();
  const { doc } = useWorkshop();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [gatheringId, setGatheringId] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const gatherings = useDocValue(doc, activeGatheringsOf) ?? [];
  const notes = useDocValue(doc, (d) => (open ? notesOutside(d, linked) : []), [open, linked.join(' ')]) ?? [];
  const shown = notes.filter((note) => !gatheringId || note.gatheringId === gatheringId);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const noteIds = shown.map((note) => note.noteId).filter((noteId) => chosen.includes(noteId));
    if (noteIds.length === 0) return;
    onLink(noteIds);
    setChosen([]);
  };

  return (
    <details className="note-picker" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('threads.picker.summary')}</summary>
      {open && (
        <form onSubmit={submit}>
          {gatherings.length > 0 && (
            <>
              <label htmlFor={`${id}-gathering`}>{t('threads.filters.gathering')}</label>
              <select id={`${id}-gathering`} value={gatheringId} onChange={(event) => setGatheringId(event.target.value)}>
                <option value="">{t('threads.filters.anyGathering')}</option>
                {gatherings.map((gathering) => (
                  <option key={gathering.id} value={gathering.id}>
                    {gathering.title}
                  </option>
                ))}
              </select>
            </>
          )}
          {shown.length === 0 ? (
            <p className="hint">{t('threads.picker.none')}</p>
          ) : (
            <fieldset>
              <legend>{t('threads.picker.legend')}</legend>
              <ul className="note-picker-list">
                {shown.slice(0, MAX_LISTED).map((note) => (
                  <li key={note.noteId}>
                    <label className="note-picker-choice">
                      <input
                        type="checkbox"
                        checked={chosen.includes(note.noteId)}
                        onChange={(event) =>
                          setChosen((previous) => (event.target.checked ? [...previous, note.noteId] : previous.filter((noteId) => noteId !== note.noteId)))
                        }
                      />
                      <span>
                        <span className="note-picker-text">{note.text}</span>
                        <span className="thread-note-facts">
                          <GroupChip group={note.group} />
                          {note.gatheringTitle && <span>{note.gatheringTitle}</span>}
                        </span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
              {shown.length > MAX_LISTED && <p className="hint">{t('threads.picker.more', { count: shown.length - MAX_LISTED })}</p>}
            </fieldset>
          )}
          <button type="submit" className="button" disabled={chosen.length === 0}>
            {t('threads.picker.link', { count: chosen.length })}
          </button>
        </form>
      )}
    </details>
  );
}
