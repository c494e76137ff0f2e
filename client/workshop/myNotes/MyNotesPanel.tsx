import { useTranslation } from 'react-i18next';
import { gatheringsOf } from '../../../shared/domain/gatherings';
import { notesTrailOf, type NoteTrail } from '../../../shared/domain/weave';
import { useDocValue } from '../useDocValue';
import { gatheringFacts } from '../weave/weaveWords';
import { useWorkshop } from '../WorkshopContext';
import { MyNoteItem } from './MyNoteItem';
import './myNotes.css';

/** Notes in runs of one gathering, in the order given. */
function byGathering(notes: readonly NoteTrail[]): Array<{ gatheringId: string | null; notes: NoteTrail[] }> {
  const runs: Array<{ gatheringId: string | null; notes: NoteTrail[] }> = [];
  for (const note of notes) {
    const last = runs.at(-1);
    if (last && last.gatheringId === note.gatheringId) last.notes.push(note);
    else runs.push({ gatheringId: note.gatheringId, notes: [note] });
  }
  return runs;
}

/**
 * "Where did my note go?": every note this participant wrote, by gathering, each with the
 * threads it is in and the passages of the narrative that quote it, all in one panel.
 */
export function MyNotesPanel() {
  const { t, i18n } = useTranslation();
  const { doc, identity } = useWorkshop();
  const participantId = identity.participantId;
  const trail = useDocValue(doc, (current) => (participantId ? notesTrailOf(current, participantId) : null), [participantId]);
  const gatherings = useDocValue(doc, gatheringsOf);
  const heading = (
    <h2 id="my-notes-heading" className="my-notes-heading">
      {t('myNotes.heading')}
    </h2>
  );
  if (!participantId || !trail) {
    return (
      <section className="my-notes" aria-labelledby="my-notes-heading">
        {heading}
        <p>{t('myNotes.onlyParticipants')}</p>
      </section>
    );
  }
  const gatheringName = (id: string | null): string => {
    const gathering = gatherings?.find((candidate) => candidate.id === id);
    if (!gathering) return t('myNotes.noGathering');
    const facts = gatheringFacts(gathering, i18n.language);
    return facts ? `${gathering.title} · ${facts}` : gathering.title;
  };
  return (
    <section className="my-notes" aria-labelledby="my-notes-heading">
      {heading}
      {trail.notes.length === 0 ? (
        <p className="my-notes-summary">{t('myNotes.none')}</p>
      ) : (
        <>
          <p className="my-notes-summary">
            {t('myNotes.summary', { count: trail.notes.length, inThread: trail.inThread, inNarrative: trail.inNarrative })}
          </p>
          {byGathering(trail.notes).map((run) => (
            <section key={run.gatheringId ?? 'none'} className="my-notes-gathering">
              <h3 className="my-notes-gathering-heading">{gatheringName(run.gatheringId)}</h3>
              <ul className="my-notes-list">
                {run.notes.map((note) => (
                  <MyNoteItem key={note.noteId} note={note} />
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </section>
  );
}
