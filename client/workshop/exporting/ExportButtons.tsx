import { useTranslation } from 'react-i18next';
import { DownloadGroup, type DownloadChoice } from './DownloadGroup';

/**
 * The facilitator's downloads under the narrative: the narrative with its provenance in each
 * format (to hand on), and the whole workshop as JSON (to archive).
 */
export function ExportButtons() {
  const { t } = useTranslation();
  const lead = t('exporting.narrativeLead');
  const choices: DownloadChoice[] = [
    { format: 'md', label: t('exporting.format.md'), lead },
    { format: 'html', label: t('exporting.format.html'), lead },
    { format: 'docx', label: t('exporting.format.docx'), lead },
    { format: 'pdf', label: t('exporting.format.pdf'), lead },
    { format: 'json', label: t('exporting.format.json'), lead: t('exporting.workshopLead') },
  ];
  return <DownloadGroup heading={t('exporting.heading')} choices={choices} />;
}
