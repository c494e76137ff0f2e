import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { gatheringsOf } from '../../../shared/domain/gatherings';
import { GROUPS, isGroup } from '../../../shared/domain/groups';
import { isThreadStatus, THREAD_STATUSES } from '../../../shared/domain/threads';
import { useDocValue } from '../useDocValue';
import { useWorkshop } from '../WorkshopContext';
import type { ThreadFilter } from './threadFilters';

/** Wide enough to show the filters open from the start (a phone opens them when needed). */
const ROOMY = '(min-width: 761px)';

/**
 * The threads list's filters, as labelled selects: status, gathering and group; folded away
 * on a phone, where they would push the list out of sight, with a summary of what is chosen.
 */
export function ThreadFilters({ filter, onChange }: { filter: ThreadFilter; onChange(filter: ThreadFilter): void }) {
  const { t } = useTranslation();
  const { doc } = useWorkshop();
  const gatherings = useDocValue(doc, gatheringsOf) ?? [];
  const id = useId();
  const [open, setOpen] = useState(() => typeof window.matchMedia !== 'function' || window.matchMedia(ROOMY).matches);
  const chosen = [filter.status, filter.gatheringId, filter.group].filter(Boolean).length;
  return (
    <details className="thread-filters-fold" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{chosen ? t('threads.filters.summaryChosen', { count: chosen }) : t('threads.filters.summary')}</summary>
      <fieldset className="thread-filters">
        <legend className="visually-hidden">{t('threads.filters.legend')}</legend>
        <div className="thread-filter">
          <label htmlFor={`${id}-status`}>{t('threads.filters.status')}</label>
          <select
            id={`${id}-status`}
            value={filter.status}
            onChange={(event) => onChange({ ...filter, status: isThreadStatus(event.target.value) ? event.target.value : '' })}
          >
            <option value="">{t('threads.filters.anyStatus')}</option>
            {THREAD_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`threads.status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="thread-filter">
          <label htmlFor={`${id}-gathering`}>{t('threads.filters.gathering')}</label>
          <select id={`${id}-gathering`} value={filter.gatheringId} onChange={(event) => onChange({ ...filter, gatheringId: event.target.value })}>
            <option value="">{t('threads.filters.anyGathering')}</option>
            {gatherings.map((gathering) => (
              <option key={gathering.id} value={gathering.id}>
                {gathering.archived ? t('threads.filters.archived', { title: gathering.title }) : gathering.title}
              </option>
            ))}
          </select>
        </div>
        <div className="thread-filter">
          <label htmlFor={`${id}-group`}>{t('threads.filters.group')}</label>
          <select id={`${id}-group`} value={filter.group} onChange={(event) => onChange({ ...filter, group: isGroup(event.target.value) ? event.target.value : '' })}>
            <option value="">{t('threads.filters.anyGroup')}</option>
            {GROUPS.map((group) => (
              <option key={group} value={group}>
                {t(`groups.${group}`)}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
    </details>
  );
}
