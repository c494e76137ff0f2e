import { useTranslation } from 'react-i18next';
import { ErrorPage } from './ErrorPage';
import { JoinPage } from './join/JoinPage';
import { parseRoute, usePathname } from './router';
import { StartPage } from './start/StartPage';
import { BoardPage } from './workshop/BoardPage';

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
      return <BoardPage key={`w:${route.workshopId}`} workshopId={route.workshopId} projector={false} />;
    case 'projector':
      return <BoardPage key={`p:${route.workshopId}`} workshopId={route.workshopId} projector />;
    default:
      return <ErrorPage message={t('errors.pageNotFound')} />;
  }
}
