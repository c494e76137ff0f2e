import { useTranslation } from 'react-i18next';
import { GROUP_STYLES, type Group } from '../../../shared/domain/groups';

/** A stakeholder group by its colour and, always, its name. */
export function GroupChip({ group }: { group: Group | null }) {
  const { t } = useTranslation();
  if (!group) return <span className="group-chip">{t('threads.card.facilitator')}</span>;
  return (
    <span className="group-chip">
      <span className="swatch" style={{ background: GROUP_STYLES[group].hex }} aria-hidden="true" />
      {t(`groups.${group}`)}
    </span>
  );
}
