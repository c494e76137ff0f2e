import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bindingUtils, shapeUtils } from '../canvas/config';
import { FletCanvas } from '../canvas/FletCanvas';
import { setLanguage, storedLanguage } from '../i18n';
import { ErrorPage } from '../ErrorPage';
import { isEnded } from '../sync/connection';
import { useWorkshopSession } from '../sync/useWorkshopSession';
import { GroupLegend } from './GroupLegend';
import { LanguageSwitcher } from './LanguageSwitcher';
import { RefusedNotice } from './RefusedNotice';
import { SetAsideNotice } from './SetAsideNotice';
import { SharePanel } from './SharePanel';
import { StatusIndicator } from './StatusIndicator';
import { useBoardCredentials } from './useBoardCredentials';
import { useBoardIdentity } from './useBoardIdentity';
import { useReloadAfterRefusal } from './useReloadAfterRefusal';

/** A workshop board: facilitator and participants (`/w/:id`) or the projector (`/p/:id`). */
export function BoardPage({ workshopId, projector }: { workshopId: string; projector: boolean }) {
  const { t, i18n } = useTranslation();
  const { token, info, problem, end } = useBoardCredentials(workshopId, projector);
  const { identity, presence, userId, displayName, color } = useBoardIdentity(workshopId, info, projector);
  const [shareOpen, setShareOpen] = useState(true);
  // Keyboard focus follows the share panel: to it when opened, back to its button when hidden.
  const [shareToggled, setShareToggled] = useState(false);
  const inviteButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (shareToggled && !shareOpen) inviteButton.current?.focus();
  }, [shareOpen, shareToggled]);
  const toggleShare = (open: boolean) => {
    setShareToggled(true);
    setShareOpen(open);
  };

  useEffect(() => {
    if (info && !storedLanguage()) setLanguage(info.language, false);
  }, [info]);

  useEffect(() => {
    if (info) document.title = `${info.title} · Flet`;
  }, [info]);

  const session = useWorkshopSession(
    token && info && identity && !problem ? { workshopId, token, identity, presence, shapeUtils, bindingUtils } : null,
  );
  const { reloading, reloadNow } = useReloadAfterRefusal(session.status);

  // Told while the board is open: the connection has stopped and erased its copy.
  const ended = isEnded(session.status) ? session.status : null;
  useEffect(() => {
    if (ended) end(ended === 'deleted' ? 'notFound' : 'unauthorized');
  }, [ended, end]);

  if (problem && problem !== 'network') return <ErrorPage message={t(`errors.${problem}`)} />;
  if (problem === 'network') return <ErrorPage message={t('errors.network')} />;

  const loading = !info || !session.store || !session.ready;
  const canvas =
    !loading && session.store && identity ? (
      <FletCanvas
        store={session.store}
        userId={userId}
        name={displayName}
        color={color}
        language={i18n.language}
        projector={projector}
        identity={identity}
      />
    ) : (
      <p className="loading" role="status">
        {t('board.loading')}
      </p>
    );

  if (projector) {
    return (
      <div className="projector">
        <h1 className="visually-hidden">{info?.title ?? 'Flet'}</h1>
        <div className="canvas" data-testid="canvas">
          {canvas}
        </div>
        <GroupLegend large />
        {session.status !== 'connected' && !loading && <StatusIndicator status={session.status} compact />}
        {reloading && <RefusedNotice onReload={reloadNow} />}
      </div>
    );
  }

  const isFacilitator = identity?.role === 'facilitator';
  return (
    <div className="board">
      <header className="topbar">
        <h1 className="topbar-title">{info?.title ?? 'Flet'}</h1>
        <span className="identity">
          {info && (
            <>
              <span className="swatch" style={{ background: color }} aria-hidden="true" />
              {t('board.you', { name: displayName })}
            </>
          )}
        </span>
        <StatusIndicator status={session.status} />
        <LanguageSwitcher />
        {isFacilitator && !shareOpen && (
          <button ref={inviteButton} type="button" className="button" onClick={() => toggleShare(true)} aria-expanded="false">
            {t('share.show')}
          </button>
        )}
      </header>
      <div className="board-body">
        <main className="canvas" data-testid="canvas">
          {canvas}
          <GroupLegend own={identity?.group ?? null} />
          <SetAsideNotice records={session.setAside} />
          {reloading && <RefusedNotice onReload={reloadNow} />}
        </main>
        {isFacilitator && shareOpen && info?.urls && info.joinCode && (
          <SharePanel urls={info.urls} joinCode={info.joinCode} focusOnOpen={shareToggled} onClose={() => toggleShare(false)} />
        )}
      </div>
    </div>
  );
}
