import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GROUP_STYLES } from '../../shared/domain/groups';
import { ApiError, fetchWorkshop, type WorkshopInfo } from '../api';
import { bindingUtils, shapeUtils } from '../canvas/config';
import { FletCanvas } from '../canvas/FletCanvas';
import { forgetToken, forgetWorkshop, takeTokenFromHash } from '../credentials';
import { setLanguage, storedLanguage } from '../i18n';
import { ErrorPage } from '../ErrorPage';
import { forgetCachedWorkshop, isEnded } from '../sync/connection';
import type { PresenceIdentity } from '../sync/presence';
import { useWorkshopSession } from '../sync/useWorkshopSession';
import { GroupLegend } from './GroupLegend';
import { SetAsideNotice } from './SetAsideNotice';
import { SharePanel } from './SharePanel';
import { StatusIndicator } from './StatusIndicator';
import { LanguageSwitcher } from './LanguageSwitcher';

const FACILITATOR_COLOR = '#1d1d1f';

function cachedInfo(workshopId: string): WorkshopInfo | null {
  try {
    const raw = localStorage.getItem(`flet:info:${workshopId}`);
    return raw ? (JSON.parse(raw) as WorkshopInfo) : null;
  } catch {
    return null;
  }
}

function cacheInfo(info: WorkshopInfo): void {
  try {
    localStorage.setItem(`flet:info:${info.id}`, JSON.stringify(info));
  } catch {
    // nothing to keep
  }
}

/**
 * The server says the workshop is gone (or this link no longer opens it): this browser keeps
 * nothing of it any more, neither the board's copy nor the key that opened it.
 */
function forgetLocally(workshopId: string, kind: 'board' | 'projector', why: 'notFound' | 'unauthorized'): void {
  if (why === 'notFound') forgetWorkshop(workshopId);
  else forgetToken(workshopId, kind);
  try {
    localStorage.removeItem(`flet:info:${workshopId}`);
  } catch {
    // nothing kept
  }
  void forgetCachedWorkshop(workshopId);
}

type Problem = 'noToken' | 'unauthorized' | 'notFound' | 'network' | null;

/** A workshop board: facilitator and participants (`/w/:id`) or the projector (`/p/:id`). */
export function BoardPage({ workshopId, projector }: { workshopId: string; projector: boolean }) {
  const { t, i18n } = useTranslation();
  const kind = projector ? 'projector' : 'board';
  const [token] = useState(() => takeTokenFromHash(workshopId, kind));
  const [info, setInfo] = useState<WorkshopInfo | null>(null);
  const [problem, setProblem] = useState<Problem>(token ? null : 'noToken');
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
    if (!token) return;
    let alive = true;
    fetchWorkshop(workshopId, token)
      .then((answer) => {
        if (!alive) return;
        cacheInfo(answer);
        setInfo(answer);
      })
      .catch((error: unknown) => {
        if (!alive) return;
        const status = error instanceof ApiError ? error.status : 0;
        if (status === 401 || status === 403 || status === 404) {
          const why = status === 404 ? 'notFound' : 'unauthorized';
          forgetLocally(workshopId, kind, why);
          setProblem(why);
        } else {
          // Offline is normal: open what this browser kept.
          const cached = cachedInfo(workshopId);
          if (cached) setInfo(cached);
          else setProblem('network');
        }
      });
    return () => {
      alive = false;
    };
  }, [workshopId, token, kind]);

  useEffect(() => {
    if (info && !storedLanguage()) setLanguage(info.language, false);
  }, [info]);

  useEffect(() => {
    if (info) document.title = `${info.title} · Flet`;
  }, [info]);

  const group = info?.participant?.group ?? null;
  const [projectorUserId] = useState(() => `projector:${Math.random().toString(36).slice(2)}`);
  const userId = projector
    ? projectorUserId
    : info?.role === 'participant' && info.participant
      ? `participant:${info.participant.id}`
      : `facilitator:${workshopId}`;
  const displayName =
    info?.role === 'participant' && info.participant
      ? info.participant.name || t(`groups.${info.participant.group}`)
      : t('board.facilitator');
  const color = group ? GROUP_STYLES[group].hex : FACILITATOR_COLOR;

  const identity = useMemo<PresenceIdentity | null>(
    () =>
      projector || !info
        ? null
        : { userId, name: displayName, color, role: info.role, group },
    // The name is taken once; switching language does not restart the board.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [projector, info?.role, userId, color, group],
  );
  const session = useWorkshopSession(
    token && info && !problem ? { workshopId, token, identity, shapeUtils, bindingUtils } : null,
  );

  // Told while the board is open: the connection has stopped and erased its copy.
  const ended = isEnded(session.status) ? session.status : null;
  useEffect(() => {
    if (!ended) return;
    const why = ended === 'deleted' ? 'notFound' : 'unauthorized';
    forgetLocally(workshopId, kind, why);
    setProblem(why);
  }, [ended, workshopId, kind]);

  if (problem && problem !== 'network') return <ErrorPage message={t(`errors.${problem}`)} />;
  if (problem === 'network') return <ErrorPage message={t('errors.network')} />;

  const loading = !info || !session.store || !session.ready;
  const canvas =
    !loading && session.store ? (
      <FletCanvas
        store={session.store}
        userId={userId}
        name={displayName}
        color={color}
        language={i18n.language}
        projector={projector}
        author={{ group, participantId: info?.participant?.id ?? (info?.role === 'facilitator' ? 'facilitator' : null) }}
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
      </div>
    );
  }

  const isFacilitator = info?.role === 'facilitator';
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
          <GroupLegend own={group} />
          <SetAsideNotice records={session.setAside} />
        </main>
        {isFacilitator && shareOpen && info?.urls && info.joinCode && (
          <SharePanel urls={info.urls} joinCode={info.joinCode} focusOnOpen={shareToggled} onClose={() => toggleShare(false)} />
        )}
      </div>
    </div>
  );
}
