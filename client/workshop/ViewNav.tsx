import { useTranslation } from 'react-i18next';
import { panelLabelKey, useWorkshop, type BoardView, type SidePanel } from './WorkshopContext';

const VIEWS: readonly BoardView[] = ['board', 'weave', 'narrative'];

/** Switches between the canvas, the weave view and the narrative, and opens the side panels. */
export function ViewNav() {
  const { t } = useTranslation();
  const { view, setView, panel, setPanel, identity } = useWorkshop();
  const facilitator = identity.role === 'facilitator';
  const panels: SidePanel[] = [
    'steps',
    'threads',
    'votes',
    identity.role === 'participant' ? 'myNotes' : null,
    facilitator ? 'gatherings' : null,
    facilitator ? 'moderation' : null,
    facilitator ? 'representation' : null,
  ];
  return (
    <nav className="view-nav" aria-label={t('views.label')}>
      <ul className="view-nav-list">
        {VIEWS.map((name) => (
          <li key={name}>
            <button type="button" className="view-nav-button" aria-current={view === name ? 'page' : undefined} onClick={() => setView(name)}>
              {t(`views.${name}`)}
            </button>
          </li>
        ))}
      </ul>
      {view === 'board' && (
        <ul className="view-nav-list">
          {panels.map(
            (name) =>
              name && (
                <li key={name}>
                  <button type="button" className="view-nav-button" aria-pressed={panel === name} onClick={() => setPanel(panel === name ? null : name)}>
                    {t(panelLabelKey(name))}
                  </button>
                </li>
              ),
          )}
        </ul>
      )}
    </nav>
  );
}
