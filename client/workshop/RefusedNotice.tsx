import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Says, as an alert, that the server refused a change from this page and that the board
 * reloads; the button reloads at once (and takes the keyboard focus, so Enter does it).
 */
export function RefusedNotice({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    <div className="refused" role="alert">
      <p>{t('board.refused')}</p>
      <button ref={button} type="button" className="button" onClick={onReload}>
        {t('board.reloadNow')}
      </button>
    </div>
  );
}
