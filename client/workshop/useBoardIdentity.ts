import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GROUP_STYLES } from '../../shared/domain/groups';
import { boardUserId, FACILITATOR, PROJECTOR, type Identity } from '../../shared/domain/identity';
import type { WorkshopInfo } from '../api';
import type { PresenceIdentity } from '../sync/presence';

const FACILITATOR_COLOR = '#1d1d1f';

/** Who this browser is on a board: for the rules, and as others see them. */
export interface BoardIdentity {
  /** The same facts the server holds for this browser's token; null until the server (or this browser's copy) says. */
  identity: Identity | null;
  /** Cursor and name as others see them; null for the projector. */
  presence: PresenceIdentity | null;
  /** The editor's user id, the same as in the presence. */
  userId: string;
  /** The name shown to this person and others (the group's name when anonymous). */
  displayName: string;
  color: string;
}

/** The identity a workshop's answer describes. */
export function identityFrom(info: WorkshopInfo): Identity {
  if (info.role === 'participant' && info.participant) {
    return { role: 'participant', participantId: info.participant.id, group: info.participant.group, name: info.participant.name };
  }
  return info.role === 'facilitator' ? FACILITATOR : PROJECTOR;
}

/** Who this browser is on the board of `info` (null while it is not known yet). */
export function useBoardIdentity(workshopId: string, info: WorkshopInfo | null, projector: boolean): BoardIdentity {
  const { t } = useTranslation();
  const [projectorUserId] = useState(() => `projector:${Math.random().toString(36).slice(2)}`);
  const identity = useMemo<Identity | null>(() => {
    if (projector) return PROJECTOR;
    return info ? identityFrom(info) : null;
  }, [projector, info]);

  const userId = (identity && boardUserId(identity, workshopId)) ?? projectorUserId;
  const group = identity?.group ?? null;
  const displayName = identity?.role === 'participant' ? identity.name || (group ? t(`groups.${group}`) : '') : t('board.facilitator');
  const color = group ? GROUP_STYLES[group].hex : FACILITATOR_COLOR;
  const role = identity?.role ?? null;

  const presence = useMemo<PresenceIdentity | null>(
    () => (role === null || role === 'projector' ? null : { userId, name: displayName, color, role, group }),
    // The name is taken once; switching language does not restart the board.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [role, userId, color, group],
  );
  return { identity, presence, userId, displayName, color };
}
