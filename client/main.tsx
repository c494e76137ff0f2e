import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n } from './i18n';
import { boardViewChoice } from './phone/viewChoice';
import { parseRoute } from './router';
import './styles.css';

// On a board, its code (most of the client) starts loading before anything else is done,
// and its document starts syncing meanwhile (App's lazy import takes the same module).
const route = parseRoute(location.pathname);
if (route.name === 'board' || route.name === 'projector') {
  const { workshopId } = route;
  const kind = route.name === 'projector' ? 'projector' : 'board';
  // A phone opens the simple view, which has no canvas: its code is all it loads.
  if (kind === 'board' && boardViewChoice(workshopId) === 'simple') void import('./phone/PhonePage');
  else void import('./workshop/BoardPage');
  void import('./sync/earlyConnection').then(({ connectEarly }) => connectEarly(workshopId, kind));
}
initI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
