import { useTranslation } from 'react-i18next';
import { DownloadGroup, type DownloadChoice } from './DownloadGroup';

/** The weave figure as a file for a report or a slide: SVG (scales) and PNG (pastes anywhere). */
export function WeaveDownloads() {
  const { t } = useTranslation();
  const lead = t('exporting.weaveLead');
  const choices: DownloadChoice[] = [
    { format: 'svg', label: t('exporting.format.svg'), lead },
    { format: 'png', label: t('exporting.format.png'), lead },
  ];
  return <DownloadGroup heading={t('exporting.weaveHeading')} choices={choices} className="exporting-weave" />;
}
