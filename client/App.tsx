import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPage } from './ErrorPage';
import { JoinPage } from './join/JoinPage';
import { parseRoute, usePathname } from './router';
import { StartPage } from './start/StartPage';

// The canvas (tldraw, Yjs) is most of the code: the start and join pages load without it,
// which matters on a phone that has just scanned the QR code over a slow link.
const BoardPage = lazy(() => import('./workshop/BoardPage').then((m) => ({ default: m.BoardPage })));

function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('board.loading')}
    </p>
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
      return (
        <Suspense fallback={<Loading />}>
          <BoardPage key={`w:${route.workshopId}`} workshopId={route.workshopId} projector={false} />
        </Suspense>
      );
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
