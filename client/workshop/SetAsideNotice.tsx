import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SetAsideRecord } from '../sync/binding';

/** A non-blocking notice that some records from the document could not be shown. */
export function SetAsideNotice({ records }: { records: SetAsideRecord[] }) {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState(0);
  if (records.length === 0 || records.length === dismissed) return null;
  return (
    <div className="notice" role="status" aria-live="polite">
      <span>{t('board.setAside', { count: records.length })}</span>
      <button type="button" className="button-quiet" onClick={() => setDismissed(records.length)}>
        {t('board.dismiss')}
      </button>
    </div>
  );
}
