import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopUrls } from '../api';
import { useQrDataUrl } from './useQrDataUrl';
import './sharePanel.css';

function CopyField({ label, value, copyLabel, testId }: { label: string; value: string; copyLabel: string; testId: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-field">
      <span className="copy-label">{label}</span>
      <div className="copy-row">
        <a href={value} className="copy-value" data-testid={testId} target="_blank" rel="noreferrer">
          {value}
        </a>
        <button
          type="button"
          className="button-quiet"
          aria-label={copyLabel}
          onClick={() => {
            void navigator.clipboard?.writeText(value).then(() => {
              setCopied(true);
              setTimeout(() => setCopied(false), 2000);
            });
          }}
        >
          {copied ? t('share.copied') : t('share.copy')}
        </button>
      </div>
    </div>
  );
}

/**
 * The facilitator's own link, for a second computer or a co-facilitator. It opens the board
 * with full control, so it stays out of sight until asked for, with that said beside it.
 */
function FacilitatorLink({ url }: { url: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  return (
    <div className="facilitator-link">
      <button type="button" className="button-quiet" aria-expanded={shown} aria-controls="facilitator-link-body" onClick={() => setShown(!shown)}>
        {shown ? t('facilitator.link.hide') : t('facilitator.link.show')}
      </button>
      <div id="facilitator-link-body" hidden={!shown}>
        {shown && (
          <>
            <p className="facilitator-link-warning" id="facilitator-link-warning">
              <span aria-hidden="true">⚠ </span>
              {t('facilitator.link.warning')}
            </p>
            <CopyField label={t('facilitator.link.label')} value={url} copyLabel={t('facilitator.link.copy')} testId="facilitator-link" />
          </>
        )}
      </div>
    </div>
  );
}

/** The QR code and join code filling the screen, to be read from the back of the room. */
function BigInvite({ qr, urls, joinCode, onClose }: { qr: string; urls: WorkshopUrls; joinCode: string; onClose: () => void }) {
  const { t } = useTranslation();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      previous?.focus();
    };
  }, [onClose]);
  return (
    <div className="big-invite" role="dialog" aria-modal="true" aria-labelledby="big-invite-heading">
      <h2 id="big-invite-heading">{t('share.scan')}</h2>
      <img className="big-qr" src={qr} alt={t('share.qrAlt', { url: urls.join })} />
      <p className="big-code">
        <span>{t('share.joinCode')}:</span> <strong>{joinCode}</strong>
      </p>
      <p className="big-url">{urls.join}</p>
      <button ref={closeRef} type="button" className="button" onClick={onClose}>
        {t('share.closeBig')}
      </button>
    </div>
  );
}

/** Join link, join code, QR code and projector link, for the facilitator. */
export function SharePanel({
  urls,
  joinCode,
  focusOnOpen,
  onClose,
}: {
  urls: WorkshopUrls;
  joinCode: string;
  /** Move keyboard focus into the panel when it appears (opened by the person, not on load). */
  focusOnOpen: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qr = useQrDataUrl(urls.join);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnOpen) headingRef.current?.focus();
    // Only when the panel appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const [big, setBig] = useState(false);
  return (
    <aside className="share" aria-labelledby="share-heading">
      <div className="share-top">
        <h2 id="share-heading" ref={headingRef} tabIndex={-1}>
          {t('share.heading')}
        </h2>
        <button type="button" className="button-quiet" onClick={onClose} aria-expanded="true" aria-controls="share-panel">
          {t('share.hide')}
        </button>
      </div>
      <div id="share-panel" className="share-body">
        <p className="share-scan">{t('share.scan')}</p>
        {qr && <img className="qr" src={qr} alt={t('share.qrAlt', { url: urls.join })} data-testid="join-qr" />}
        {qr && (
          <button type="button" className="button-quiet big-button" onClick={() => setBig(true)}>
            {t('share.showBig')}
          </button>
        )}
        <p className="share-code-label">{t('share.joinCode')}</p>
        <p className="share-code" data-testid="join-code">
          {joinCode}
        </p>
        <CopyField label={t('share.joinLink')} value={urls.join} copyLabel={t('share.copyJoin')} testId="join-link" />
        <CopyField
          label={t('share.projectorLink')}
          value={urls.projector}
          copyLabel={t('share.copyProjector')}
          testId="projector-link"
        />
        <p className="hint">{t('share.projectorHint')}</p>
        <FacilitatorLink url={urls.facilitator} />
      </div>
      {big && qr && <BigInvite qr={qr} urls={urls} joinCode={joinCode} onClose={() => setBig(false)} />}
    </aside>
  );
}
