import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Gathering } from '../../../shared/domain/gatherings';
import { MAX_REPORT_TEXT_CHARS, reportTextOf, setGoalSummary, setReportSummary } from '../../../shared/domain/reports';
import { reportGoalsOf } from '../../../shared/domain/templates';
import { DownloadGroup, type DownloadChoice } from '../exporting/DownloadGroup';
import { useDocValue } from '../useDocValue';
import { useWorkshop } from '../WorkshopContext';
import { ReportTextField } from './ReportTextField';
import './reports.css';

interface ReportDialogProps {
  gathering: Gathering;
  onClose(): void;
}

/**
 * A gathering's report, for the facilitator: the summary it opens with and, when the workshop
 * answers to report goals (roles and boundaries), a text per goal, each saved when left; and
 * the report as a file. The rest of the report (steps, notes by group, votes, threads) is
 * what the board holds, laid out by the export.
 */
export function ReportDialog({ gathering, onClose }: ReportDialogProps) {
  const { t } = useTranslation();
  const { doc } = useWorkshop();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const text = useDocValue(doc, (current) => reportTextOf(current, gathering.id), [gathering.id]);
  const goals = useDocValue(doc, reportGoalsOf) ?? [];
  const [told, setTold] = useState('');

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const lead = t('reports.downloadLead');
  const choices: DownloadChoice[] = (['md', 'html', 'docx', 'pdf'] as const).map((format) => ({
    format,
    label: t(`exporting.format.${format}`),
    lead,
  }));

  return (
    <dialog ref={dialog} className="report-dialog" aria-labelledby={`${id}-heading`} aria-describedby={`${id}-lead`} onClose={onClose}>
      <h2 id={`${id}-heading`}>{t('reports.heading', { title: gathering.title })}</h2>
      <p id={`${id}-lead`} className="hint">
        {t('reports.lead')}
      </p>
      {text && (
        <>
          <ReportTextField
            label={t('reports.summary')}
            value={text.summary}
            maxLength={MAX_REPORT_TEXT_CHARS}
            onSave={(summary) => {
              setReportSummary(doc, gathering.id, summary);
              setTold(t('reports.savedSummary'));
            }}
          />
          {goals.length > 0 && (
            <section className="report-goals" aria-labelledby={`${id}-goals`}>
              <h3 id={`${id}-goals`}>{t('reports.goalsHeading')}</h3>
              <p className="hint">{t('reports.goalsLead')}</p>
              {goals.map((goal, index) => (
                <ReportTextField
                  key={index}
                  label={t('reports.goal', { number: index + 1 })}
                  description={goal}
                  value={text.goalSummaries[index] ?? ''}
                  maxLength={MAX_REPORT_TEXT_CHARS}
                  onSave={(summary) => {
                    setGoalSummary(doc, gathering.id, index, summary);
                    setTold(t('reports.savedGoal', { number: index + 1 }));
                  }}
                />
              ))}
            </section>
          )}
        </>
      )}
      <p className="report-told" role="status">
        {told}
      </p>
      <DownloadGroup heading={t('reports.download')} choices={choices} gatheringId={gathering.id} className="report-downloads" />
      <div className="report-actions">
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          {t('reports.close')}
        </button>
      </div>
    </dialog>
  );
}
