import type { Group } from './groups';
import type { Role } from './roles';

/**
 * Who a person is in one workshop, as their token says: the same facts on the server (from
 * storage) and in the browser (from the join answer). Rules, presence and authorship all
 * read this one shape, so nothing a client claims can stand in for it.
 */
export interface Identity {
  role: Role;
  /** Set for participants who joined by code; null for the facilitator and the projector. */
  participantId: string | null;
  /** The participant's stakeholder group; null for the facilitator and the projector. */
  group: Group | null;
  /** The name others see; null when the participant stays anonymous. */
  name: string | null;
}

/** The facilitator as an identity: one person across tabs and computers. */
export const FACILITATOR: Identity = { role: 'facilitator', participantId: null, group: null, name: null };

/** The projector as an identity: it watches and writes nothing. */
export const PROJECTOR: Identity = { role: 'projector', participantId: null, group: null, name: null };

/**
 * One comparable string per person: a facilitator's tabs are one person, a participant is
 * their participant id, and a projector is the room's.
 */
export function identityKey(identity: Pick<Identity, 'role' | 'participantId'>): string {
  return identity.role === 'participant' ? `participant/${identity.participantId ?? ''}` : identity.role;
}

/**
 * The user id a person's board gives them (tldraw follows and attributes by it), or
 * undefined for the projector, which is nobody. The server holds every presence to it, so a
 * participant cannot pass for the facilitator whom the projector follows.
 */
export function boardUserId(identity: Pick<Identity, 'role' | 'participantId'>, workshopId: string): string | undefined {
  if (identity.role === 'participant' && identity.participantId !== null) return `participant:${identity.participantId}`;
  if (identity.role === 'facilitator') return `facilitator:${workshopId}`;
  return undefined;
}
