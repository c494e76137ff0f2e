import { useTranslation } from 'react-i18next';
import { WeaveDownloads } from '../exporting/WeaveDownloads';
import { weaveOf } from '../../../shared/domain/weave';
import { workshopOf } from '../../../shared/schema';
import { useDocValue } from '../useDocValue';
import { useWorkshop } from '../WorkshopContext';
import { WeaveFigure } from './WeaveFigure';
import { WeaveTable } from './WeaveTable';
import './weave.css';

function workshopTitle(doc: Parameters<typeof workshopOf>[0]): string {
  const title = workshopOf(doc).get('title');
  return typeof title === 'string' ? title : '';
}

/**
 * The weave view (the board's main area when chosen): the figure of threads running through
 * the gatherings into the narrative, its table below, and a print button for one A4 page.
 */
export function WeaveView() {
  const { t } = useTranslation();
  const { doc, selectedThreadId, openThread } = useWorkshop();
  const weave = useDocValue(doc, weaveOf);
  const title = useDocValue(doc, workshopTitle);
  if (!weave) return null;
  const drawn = weave.gatherings.length > 0 || weave.strands.length > 0;
  const empty = [
    weave.gatherings.length === 0 && t('weave.empty.gatherings'),
    weave.strands.length === 0 && t('weave.empty.threads'),
    weave.sections.length === 0 && t('weave.empty.sections'),
  ].filter((line): line is string => Boolean(line));
  return (
    <section className="weave-view" aria-labelledby="weave-heading">
      <div className="weave-top">
        <h2 id="weave-heading" className="weave-heading">
          {t('weave.heading')}
          {title && <span className="weave-workshop"> · {title}</span>}
        </h2>
        <WeaveDownloads />
        <button type="button" className="button weave-print" onClick={() => window.print()}>
          {t('weave.print')}
        </button>
      </div>
      <p className="weave-intro">{t('weave.intro')}</p>
      {empty.length > 0 && (
        <ul className="weave-empty">
          {empty.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {drawn && (
        <div className="weave-figure">
          {/* On a narrow screen the figure scrolls sideways. Its strands are what a keyboard
              reaches it by; without any, the scrolling frame itself takes the focus. */}
          <div
            className="weave-scroll"
            {...(weave.strands.length === 0 ? { tabIndex: 0, role: 'region', 'aria-label': t('weave.figureLabel') } : {})}
          >
            <WeaveFigure weave={weave} selectedThreadId={selectedThreadId} onOpen={openThread} />
          </div>
          <p className="weave-legend">
            <span className="weave-legend-item">
              <span className="weave-legend-disc" aria-hidden="true" />
              {t('weave.legendNotes')}
            </span>
            <span className="weave-legend-item">
              <span className="weave-legend-diamond" aria-hidden="true" />
              {t('weave.legendLearnings')}
            </span>
          </p>
        </div>
      )}
      {weave.strands.length > 0 && <WeaveTable weave={weave} onOpen={openThread} />}
    </section>
  );
}
