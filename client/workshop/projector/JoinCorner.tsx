import { useTranslation } from 'react-i18next';
import { joinCornerShown } from '../../../shared/domain/live';
import { useDocValue } from '../useDocValue';
import { useQrDataUrl } from '../useQrDataUrl';
import { useWorkshop } from '../WorkshopContext';

/** The projector's corner with the join code and QR code, unless the facilitator hid it. */
export function JoinCorner({ joinCode, joinUrl }: { joinCode: string; joinUrl: string }) {
  const { t } = useTranslation();
  const { doc } = useWorkshop();
  const shown = useDocValue(doc, joinCornerShown) ?? true;
  const qr = useQrDataUrl(joinUrl);
  if (!shown) return null;
  return (
    <aside className="join-corner" aria-label={t('run.projector.join')} data-testid="join-corner">
      {qr && <img className="join-corner-qr" src={qr} alt={t('run.projector.qrAlt', { url: joinUrl })} />}
      <div className="join-corner-text">
        <p className="join-corner-heading">{t('run.projector.join')}</p>
        <p className="join-corner-code">
          <span className="join-corner-label">{t('run.projector.joinCode')}</span> <strong>{joinCode}</strong>
        </p>
        <p className="join-corner-url">{joinUrl.replace(/^https?:\/\//, '')}</p>
      </div>
    </aside>
  );
}
