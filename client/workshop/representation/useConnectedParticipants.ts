import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { PRESENCE_FIELD } from '../../../shared/protocol/presenceClaims';

const PARTICIPANT_USER = 'participant:';

/**
 * The participants whose presence is live now. The server writes every presence's user id
 * and role from the sender's token, so a participant id read here is who is really there.
 */
function connectedIds(awareness: Awareness): string[] {
  const ids = new Set<string>();
  awareness.getStates().forEach((state) => {
    const presence = (state as Record<string, unknown>)[PRESENCE_FIELD] as { userId?: unknown; meta?: { role?: unknown } } | undefined;
    if (!presence || presence.meta?.role !== 'participant' || typeof presence.userId !== 'string') return;
    if (presence.userId.startsWith(PARTICIPANT_USER)) ids.add(presence.userId.slice(PARTICIPANT_USER.length));
  });
  return [...ids].sort();
}

/** Ids of the participants connected now, updated as people come and go. */
export function useConnectedParticipants(awareness: Awareness | null): string[] {
  const [ids, setIds] = useState<string[]>(() => (awareness ? connectedIds(awareness) : []));
  useEffect(() => {
    if (!awareness) return;
    const update = (): void => {
      const next = connectedIds(awareness);
      // Cursors move many times a second; only a change of who is here re-renders.
      setIds((previous) => (previous.length === next.length && previous.every((id, index) => id === next[index]) ? previous : next));
    };
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness]);
  return ids;
}
