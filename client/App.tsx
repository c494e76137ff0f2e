import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPage } from './ErrorPage';
import { JoinPage } from './join/JoinPage';
import { useBoardViewChoice } from './phone/viewChoice';
import { parseRoute, usePathname } from './router';
import { StartPage } from './start/StartPage';

// The canvas (tldraw, Yjs) is most of the code: the start and join pages load without it,
// which matters on a phone that has just scanned the QR code over a slow link.
const BoardPage = lazy(() => import('./workshop/BoardPage').then((m) => ({ default: m.BoardPage })));
// The phone view is a chunk of its own without tldraw: a phone downloads the canvas only
// when the person asks for it.
const PhonePage = lazy(() => import('./phone/PhonePage').then((m) => ({ default: m.PhonePage })));

function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('board.loading')}
    </p>
  );
}

/** A participant's board: the simple phone view or the full canvas, as chosen (viewChoice.ts). */
function ParticipantBoard({ workshopId }: { workshopId: string }) {
  const view = useBoardViewChoice(workshopId);
  return (
    <Suspense fallback={<Loading />}>
      {view === 'simple' ? (
        <PhonePage key={`s:${workshopId}`} workshopId={workshopId} />
      ) : (
        <BoardPage key={`w:${workshopId}`} workshopId={workshopId} projector={false} />
      )}
    </Suspense>
  );
}

/** Picks the page for the current address. */
export function App() {
  const { t } = useTranslation();
  const route = parseRoute(usePathname());
  switch (route.name) {
    case 'start':
      return <StartPage />;
    case 'join':
      return <JoinPage key={route.code} code={route.code} />;
    case 'board':
      return <ParticipantBoard key={route.workshopId} workshopId={route.workshopId} />;
    case 'projector':
      return (
        <Suspense fallback={<Loading />}>
          <BoardPage key={`p:${route.workshopId}`} workshopId={route.workshopId} projector />
        </Suspense>
      );
    default:
      return <ErrorPage message={t('errors.pageNotFound')} />;
  }
}
