import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n } from './i18n';
import { parseRoute } from './router';
import './styles.css';

initI18n();
// A board's document starts syncing while the board's code (most of the client) loads.
const route = parseRoute(location.pathname);
if (route.name === 'board' || route.name === 'projector') {
  const { workshopId } = route;
  const kind = route.name === 'projector' ? 'projector' : 'board';
  void import('./sync/earlyConnection').then(({ connectEarly }) => connectEarly(workshopId, kind));
}
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
