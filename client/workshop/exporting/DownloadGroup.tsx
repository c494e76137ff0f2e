import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keptToken } from '../../credentials';
import { useWorkshop } from '../WorkshopContext';
import { downloadExport, ExportError, type ExportFormat } from './downloadExport';
import './exporting.css';

/** One button of a {@link DownloadGroup}: the short word shown, and what it downloads for a screen reader. */
export interface DownloadChoice {
  format: ExportFormat;
  /** Shown on the button ("PDF"). */
  label: string;
  /** Said before the label to a screen reader, so the button's name is whole ("Download the narrative as "). */
  lead: string;
}

interface DownloadGroupProps {
  /** The group's visible name ("Download the narrative:"). */
  heading: string;
  choices: readonly DownloadChoice[];
  /** Whose report the files are; none: the narrative, the workshop or the weave. */
  gatheringId?: string;
  className?: string;
}

/** The sentence for a download that failed. */
function failureKey(error: unknown): string {
  if (error instanceof ExportError && error.code === 'network') return 'exporting.network';
  if (error instanceof ExportError && (error.code === 'unauthorized' || error.code === 'forbidden')) return 'exporting.refused';
  if (error instanceof ExportError && error.code === 'not_found') return 'exporting.gone';
  if (error instanceof ExportError && error.code === 'busy') return 'exporting.busy';
  return 'exporting.failed';
}

/**
 * A row of download buttons, one per format, with what is happening said aloud: a PDF of a
 * long process takes a moment to make, so the group says "Preparing …" until the file comes,
 * and a failure is a sentence in the reader's language. The facilitator's token asks, so the
 * group is shown to the facilitator only.
 */
export function DownloadGroup({ heading, choices, gatheringId, className }: DownloadGroupProps) {
  const { t } = useTranslation();
  const { workshopId, identity } = useWorkshop();
  const headingId = useId();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  if (identity.role !== 'facilitator') return null;

  const download = async (format: ExportFormat): Promise<void> => {
    const token = keptToken(workshopId, 'board');
    setFailure(null);
    if (!token) {
      setStatus('');
      setFailure(t('exporting.refused'));
      return;
    }
    setBusy(format);
    setStatus(t('exporting.preparing', { format: choices.find((choice) => choice.format === format)?.label ?? format }));
    try {
      const name = await downloadExport(workshopId, { format, gatheringId }, token);
      setStatus(t('exporting.done', { name }));
    } catch (error) {
      setStatus('');
      setFailure(t(failureKey(error), { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className={['exporting', className].filter(Boolean).join(' ')} role="group" aria-labelledby={headingId} aria-busy={busy !== null}>
      <span id={headingId} className="exporting-heading">
        {heading}
      </span>
      <span className="exporting-buttons">
        {choices.map((choice) => (
          <button
            key={choice.format}
            type="button"
            className="button-quiet exporting-button"
            disabled={busy !== null}
            onClick={() => void download(choice.format)}
          >
            <span className="visually-hidden">{choice.lead}</span>
            {choice.label}
          </button>
        ))}
      </span>
      <p className="exporting-status" role="status">
        {status}
      </p>
      {failure && (
        <p role="alert" className="error exporting-error">
          {failure}
        </p>
      )}
    </div>
  );
}
