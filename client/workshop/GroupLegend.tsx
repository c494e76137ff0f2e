import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GROUP_STYLES, GROUPS, type Group } from '../../shared/domain/groups';
import './groupLegend.css';

/** Screens this narrow (phones) open the legend folded: open, it would cover the notes. */
const NARROW_SCREEN = '(max-width: 760px)';

function narrowScreen(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(NARROW_SCREEN).matches;
}

/**
 * Which colour is which stakeholder group. Over the board it folds to its heading, a button
 * (folded at first on a phone, open on larger screens); on the projector, where nobody can
 * click, it is always open.
 */
export function GroupLegend({ own, large = false }: { own?: Group | null; large?: boolean }) {
  const { t } = useTranslation();
  const listId = useId();
  const [open, setOpen] = useState(() => large || !narrowScreen());
  const list = (
    <ul id={listId} hidden={!open}>
      {GROUPS.map((group) => (
        <li key={group} aria-current={own === group ? 'true' : undefined}>
          <span className="swatch" style={{ background: GROUP_STYLES[group].hex }} aria-hidden="true" />
          {t(`groups.${group}`)}
        </li>
      ))}
    </ul>
  );
  if (large) {
    return (
      <section className="legend legend-large" aria-labelledby="legend-heading">
        <h2 id="legend-heading" className="legend-heading">
          {t('board.legend')}
        </h2>
        {list}
      </section>
    );
  }
  return (
    <section className={`legend legend-foldable${open ? '' : ' legend-folded'}`} aria-labelledby="legend-heading">
      <h2 id="legend-heading" className="legend-heading">
        <button type="button" className="legend-toggle" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((was) => !was)}>
          {own && <span className="swatch" style={{ background: GROUP_STYLES[own].hex }} aria-hidden="true" />}
          {t('board.legend')}
          <span className="legend-chevron" aria-hidden="true" />
        </button>
      </h2>
      {list}
    </section>
  );
}
