import { useTranslation } from 'react-i18next';
import { useDocValue } from '../useDocValue';
import { useWorkshop } from '../WorkshopContext';
import { ownerChoicesOf, type OwnerChoice } from './owners';

/**
 * The owner choices with the words that name them: "Anna (Employee)", "Anonymous (Citizen)",
 * numbered when two read alike; and a way to name any owner (null is the facilitator).
 */
export function useOwners(): { choices: Array<OwnerChoice & { label: string }>; labelOf(owner: string | null): string } {
  const { t } = useTranslation();
  const { doc } = useWorkshop();
  const raw = useDocValue(doc, ownerChoicesOf) ?? [];
  const seen = new Map<string, number>();
  const choices = raw.map((choice) => {
    const group = t(`groups.${choice.group}`);
    const base = choice.name ? `${choice.name} (${group})` : t('board.anonymous', { group });
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return { ...choice, label: count > 1 ? `${base} ${count}` : base };
  });
  const labelOf = (owner: string | null): string => {
    if (owner === null) return t('threads.card.facilitator');
    return choices.find((choice) => choice.participantId === owner)?.label ?? t('threads.card.unknownOwner');
  };
  return { choices, labelOf };
}
