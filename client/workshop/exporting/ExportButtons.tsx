import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keptToken } from '../../credentials';
import { useWorkshop } from '../WorkshopContext';
import { downloadExport, ExportError, type ExportFormat } from './downloadExport';
import './exporting.css';

const FORMATS: readonly ExportFormat[] = ['json', 'md'];

/** The sentence for a download that failed. */
function failureKey(error: unknown): string {
  if (error instanceof ExportError && error.code === 'network') return 'exporting.network';
  if (error instanceof ExportError && (error.code === 'unauthorized' || error.code === 'forbidden')) return 'exporting.refused';
  return 'exporting.failed';
}

/**
 * The facilitator's downloads: the whole workshop as JSON (to archive) and the narrative with
 * its provenance as Markdown (to hand on). Shown only to the facilitator, whose token asks.
 */
export function ExportButtons() {
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
    setStatus('');
    if (!token) {
      setFailure(t('exporting.refused'));
      return;
    }
    setBusy(format);
    try {
      const name = await downloadExport(workshopId, format, token);
      setStatus(t('exporting.done', { name }));
    } catch (error) {
      setFailure(t(failureKey(error), { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="exporting" role="group" aria-labelledby={headingId}>
      <span id={headingId} className="exporting-heading">
        {t('exporting.heading')}
      </span>
      {FORMATS.map((format) => (
        <button key={format} type="button" className="button-quiet exporting-button" disabled={busy !== null} onClick={() => void download(format)}>
          {t(busy === format ? 'exporting.busy' : `exporting.${format}`)}
        </button>
      ))}
      <p className="visually-hidden" role="status">
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
