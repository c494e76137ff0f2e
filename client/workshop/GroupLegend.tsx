import { useTranslation } from 'react-i18next';
import { GROUP_STYLES, GROUPS, type Group } from '../../shared/domain/groups';

/** Which colour is which stakeholder group. */
export function GroupLegend({ own, large = false }: { own?: Group | null; large?: boolean }) {
  const { t } = useTranslation();
  return (
    <section className={`legend${large ? ' legend-large' : ''}`} aria-labelledby="legend-heading">
      <h2 id="legend-heading" className="legend-heading">
        {t('board.legend')}
      </h2>
      <ul>
        {GROUPS.map((group) => (
          <li key={group} aria-current={own === group ? 'true' : undefined}>
            <span className="swatch" style={{ background: GROUP_STYLES[group].hex }} aria-hidden="true" />
            {t(`groups.${group}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
