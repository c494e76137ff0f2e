import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Editor } from 'tldraw';
import { useTranslation } from 'react-i18next';
import { bindingUtils, shapeUtils } from '../canvas/config';
import { FletCanvas } from '../canvas/FletCanvas';
import { rememberFacilitated } from '../credentials';
import { chooseBoardView } from '../phone/viewChoice';
import { setLanguage, storedLanguage } from '../i18n';
import { ErrorPage } from '../ErrorPage';
import { isEnded } from '../sync/connection';
import { useConnectedDocument } from '../sync/useConnectedDocument';
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
import { GatheringBar } from './gatherings/GatheringBar';
import { GatheringsPanel } from './gatherings/GatheringsPanel';
import { ModerationPanel } from './moderation/ModerationPanel';
import { MyNotesPanel } from './myNotes/MyNotesPanel';
import { DraftsPanel } from './privateWriting/DraftsPanel';
import { RepresentationPanel } from './representation/RepresentationPanel';
import { NarrativeView } from './narrative/NarrativeView';
import { ThreadsPanel } from './threads/ThreadsPanel';
import { showNoteOnCanvas } from './showNote';
import { AgendaPanel } from './steps/AgendaPanel';
import { StepBar } from './steps/StepBar';
import { JoinCorner } from './projector/JoinCorner';
import { ProjectorScreen } from './projector/ProjectorScreen';
import { ViewNav } from './ViewNav';
import { VoteBanner } from './votes/VoteBanner';
import { VotesPanel } from './votes/VotesPanel';
import { ProjectorVote } from './projector/ProjectorVote';
import { WeaveView } from './weave/WeaveView';
import { panelLabelKey, WorkshopProvider, type BoardView, type SidePanel, type Workshop } from './WorkshopContext';
import { roomView, setRoomView } from './roomView';
import { useDocValue } from './useDocValue';

/** A workshop board: facilitator and participants (`/w/:id`) or the projector (`/p/:id`). */
export function BoardPage({ workshopId, projector }: { workshopId: string; projector: boolean }) {
  const { t, i18n } = useTranslation();
  const { token, info, problem, end } = useBoardCredentials(workshopId, projector);
  const { identity, presence, userId, displayName, color } = useBoardIdentity(workshopId, info, projector);
  // The invitation opens beside the board on a laptop; on a phone it would cover the board.
  const [shareOpen, setShareOpen] = useState(() => !window.matchMedia?.('(max-width: 760px)').matches);
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
    // Opened with a facilitator link: the start page offers this workshop again.
    if (info?.role === 'facilitator') rememberFacilitated({ id: info.id, title: info.title, createdAt: info.createdAt });
  }, [info]);

  const [editor, setEditor] = useState<Editor | null>(null);
  const [view, setView] = useState<BoardView>('board');
  const [panel, setPanel] = useState<SidePanel>(null);
  const [selectedThreadId, selectThread] = useState<string | null>(null);
  const [passageToShow, setPassageToShow] = useState<string | null>(null);
  const showPassage = useCallback((passageId: string) => {
    setPassageToShow(passageId);
    setView('narrative');
  }, []);
  const passageShown = useCallback(() => setPassageToShow(null), []);
  const openThread = useCallback((threadId: string) => {
    selectThread(threadId);
    setPanel('threads');
    setView('board');
  }, []);
  const showNote = useCallback(
    (noteId: string) => {
      setView('board');
      if (editor) showNoteOnCanvas(editor, noteId);
    },
    [editor],
  );

  const session = useWorkshopSession(
    token && info && identity && !problem ? { workshopId, token, identity, presence, shapeUtils, bindingUtils } : null,
  );
  const { reloading, reloadNow } = useReloadAfterRefusal(session.status);
  const privateDocument = useConnectedDocument(workshopId, token ?? null, identity?.role === 'participant' && !problem, 'private');
  const privateDoc = privateDocument?.ready ? privateDocument.doc : null;

  // Told while the board is open: the connection has stopped and erased its copy.
  const ended = isEnded(session.status) ? session.status : null;
  useEffect(() => {
    if (ended) end(ended === 'deleted' ? 'notFound' : 'unauthorized');
  }, [ended, end]);

  // The facilitator's view is the room's: the projector shows the weave or the narrative
  // when the facilitator does.
  const isFacilitator = identity?.role === 'facilitator';
  useEffect(() => {
    if (isFacilitator && session.doc && session.ready) setRoomView(session.doc, view);
  }, [isFacilitator, session.doc, session.ready, view]);
  const projected = useDocValue(projector && session.ready ? session.doc : null, roomView) ?? 'board';

  const workshop = useMemo<Workshop | null>(
    () =>
      session.doc && identity && session.ready
        ? {
            workshopId,
            doc: session.doc,
            identity,
            privateDoc,
            awareness: projector ? null : session.awareness,
            displayName,
            color,
            editor,
            view: projector ? projected : view,
            setView,
            panel,
            setPanel,
            selectedThreadId,
            selectThread,
            openThread,
            showNote,
            passageToShow,
            showPassage,
            passageShown,
          }
        : null,
    [workshopId, session.doc, privateDoc, session.awareness, session.ready, identity, projector, displayName, color, editor, view, panel, selectedThreadId, openThread, showNote, passageToShow, showPassage, passageShown, projected],
  );

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
        onEditor={setEditor}
      />
    ) : (
      <p className="loading" role="status">
        {t('board.loading')}
      </p>
    );

  if (projector) {
    const screen = (
      <div className="projector">
        {workshop ? <ProjectorScreen title={info?.title ?? 'Flet'} /> : <h1 className="visually-hidden">{info?.title ?? 'Flet'}</h1>}
        <div className="canvas" data-testid="canvas" hidden={projected !== 'board'}>
          {canvas}
          {workshop && <ProjectorVote />}
        </div>
        {workshop && projected === 'weave' && <WeaveView />}
        {workshop && projected === 'narrative' && <NarrativeView />}
        {projected === 'board' && <GroupLegend large />}
        {workshop && info?.joinCode && <JoinCorner joinCode={info.joinCode} joinUrl={info.urls?.join ?? `${window.location.origin}/join/${info.joinCode}`} />}
        {session.status !== 'connected' && !loading && <StatusIndicator status={session.status} compact />}
        {reloading && <RefusedNotice onReload={reloadNow} />}
      </div>
    );
    return workshop ? <WorkshopProvider value={workshop}>{screen}</WorkshopProvider> : screen;
  }

  const page = (
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
        {identity?.role === 'participant' && (
          <button type="button" className="button-quiet" onClick={() => chooseBoardView(workshopId, 'simple')}>
            {t('phone.simpleView')}
          </button>
        )}
        {isFacilitator && !shareOpen && (
          <button ref={inviteButton} type="button" className="button" onClick={() => toggleShare(true)} aria-expanded="false">
            {t('share.show')}
          </button>
        )}
      </header>
      {workshop && (
        <div className="board-nav">
          <GatheringBar />
          <ViewNav />
        </div>
      )}
      {workshop && <StepBar />}
      {workshop && <VoteBanner />}
      <div className="board-body">
        <main className="board-main">
          <div className="canvas" data-testid="canvas" hidden={view !== 'board'}>
            {canvas}
            <GroupLegend own={identity?.group ?? null} />
            <SetAsideNotice records={session.setAside} />
          </div>
          {workshop && view === 'weave' && <WeaveView />}
          {workshop && view === 'narrative' && <NarrativeView />}
          {reloading && <RefusedNotice onReload={reloadNow} />}
        </main>
        {workshop && view === 'board' && panel && (
          <aside className="side-panel" aria-label={t(panelLabelKey(panel))}>
            {panel === 'threads' && <ThreadsPanel />}
            {panel === 'myNotes' && <MyNotesPanel />}
            {panel === 'gatherings' && <GatheringsPanel />}
            {panel === 'steps' && <AgendaPanel />}
            {panel === 'moderation' && <ModerationPanel />}
            {panel === 'representation' && <RepresentationPanel />}
            {panel === 'drafts' && <DraftsPanel />}
            {panel === 'votes' && <VotesPanel />}
          </aside>
        )}
        {isFacilitator && shareOpen && info?.urls && 'facilitator' in info.urls && info.joinCode && (
          <SharePanel urls={info.urls} joinCode={info.joinCode} focusOnOpen={shareToggled} onClose={() => toggleShare(false)} />
        )}
      </div>
    </div>
  );
  return workshop ? <WorkshopProvider value={workshop}>{page}</WorkshopProvider> : page;
}
