import { useTranslation } from 'react-i18next';
import type { NotWoven } from '../../../shared/domain/meters';
import { shortQuote } from '../../../shared/domain/weaving';
import { useWorkshop } from '../WorkshopContext';
import { GroupChip, PlaceChip } from './PassageMargin';

/** The threads and notes not yet in the narrative, notes bunched by group and place. */
export function NotWovenList({ notWoven }: { notWoven: NotWoven }) {
  const { t } = useTranslation();
  const { openThread, showNote } = useWorkshop();
  return (
    <section className="narrative-box" aria-labelledby="narrative-unwoven-heading">
      <h3 id="narrative-unwoven-heading">{t('narrative.unwoven.title')}</h3>
      <h4>{t('narrative.unwoven.threads', { count: notWoven.threads.length })}</h4>
      {notWoven.threads.length === 0 ? (
        <p className="hint">{t('narrative.unwoven.noThreads')}</p>
      ) : (
        <ul className="narrative-list">
          {notWoven.threads.map((thread) => (
            <li key={thread.id}>
              <button type="button" className="narrative-link" onClick={() => openThread(thread.id)}>
                {thread.title || t('narrative.weave.untitled')}
              </button>{' '}
              <span className="hint">{t(`narrative.status.${thread.status}`)}</span>
            </li>
          ))}
        </ul>
      )}
      <h4>{t('narrative.unwoven.notes', { count: notWoven.notes.reduce((sum, bunch) => sum + bunch.notes.length, 0) })}</h4>
      {notWoven.notes.length === 0 ? (
        <p className="hint">{t('narrative.unwoven.noNotes')}</p>
      ) : (
        notWoven.notes.map((bunch) => (
          <details key={`${bunch.group ?? ''}/${bunch.place ?? ''}`} className="narrative-bunch">
            <summary>
              <span className="narrative-chips">
                {bunch.group ? <GroupChip group={bunch.group} /> : <span className="narrative-chip">{t('narrative.unwoven.noGroup')}</span>}
                <PlaceChip place={bunch.place ?? t('narrative.meter.noPlace')} />
              </span>{' '}
              {t('narrative.unwoven.count', { count: bunch.notes.length })}
            </summary>
            <ul className="narrative-list">
              {bunch.notes.map((note) => (
                <li key={note.id}>
                  <button type="button" className="narrative-link" onClick={() => showNote(note.id)}>
                    {shortQuote(note.text, 120)}
                  </button>
                </li>
              ))}
            </ul>
          </details>
        ))
      )}
    </section>
  );
}
