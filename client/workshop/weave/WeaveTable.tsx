import { useTranslation } from 'react-i18next';
import type { Weave } from '../../../shared/domain/weave';
import { threadColor } from '../../../shared/weave/threadColors';
import { countsText, gatheringFacts, listText, threadTitle, wovenSectionNames } from './weaveWords';

/**
 * The weave as a table, the figure's text alternative: a row per thread, a column per
 * gathering with what the thread holds there, and the sections it was woven into.
 */
export function WeaveTable({ weave, onOpen }: { weave: Weave; onOpen(threadId: string): void }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="weave-table-section" aria-labelledby="weave-table-heading">
      <h3 id="weave-table-heading" className="weave-subheading">
        {t('weave.table.heading')}
      </h3>
      {/* The caption is also said above the table, where a phone's narrow screen does not cut it off. */}
      <p className="weave-table-caption" aria-hidden="true">
        {t('weave.table.caption')}
      </p>
      <div className="weave-table-scroll">
        <table className="weave-table">
          <caption className="visually-hidden">{t('weave.table.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('weave.table.thread')}</th>
              {weave.gatherings.map((gathering) => {
                const facts = gatheringFacts(gathering, i18n.language);
                return (
                  <th key={gathering.id} scope="col">
                    {gathering.title}
                    {facts && <span className="weave-table-facts">{facts}</span>}
                  </th>
                );
              })}
              <th scope="col">{t('weave.table.wovenInto')}</th>
            </tr>
          </thead>
          <tbody>
            {weave.strands.map((strand, index) => {
              const sections = wovenSectionNames(t, weave, strand);
              return (
                <tr key={strand.threadId}>
                  <th scope="row">
                    <button type="button" className="weave-table-thread" onClick={() => onOpen(strand.threadId)}>
                      <span className="weave-table-swatch" style={{ background: threadColor(index) }} aria-hidden="true" />
                      {threadTitle(t, strand)}
                    </button>
                  </th>
                  {weave.gatherings.map((gathering) => {
                    const stop = strand.stops.find((candidate) => candidate.gatheringId === gathering.id);
                    return <td key={gathering.id}>{stop ? countsText(t, stop) : <span className="weave-table-none">{t('weave.table.none')}</span>}</td>;
                  })}
                  <td>{sections.length ? listText(sections, i18n.language) : <span className="weave-table-none">{t('weave.table.notYet')}</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
