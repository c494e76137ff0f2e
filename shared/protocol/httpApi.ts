import type { Group } from '../domain/groups';
import type { Language } from '../domain/languages';
import type { Role } from '../domain/roles';

/** The link a participant joins by (it carries the join code, no token). */
export interface JoinUrls {
  join: string;
}

/** Links of a workshop, as the facilitator shares them (tokens ride in the fragment). */
export interface WorkshopUrls extends JoinUrls {
  facilitator: string;
  projector: string;
}

/** Answer of `POST /api/workshops` (CONTRACT.md). */
export interface CreatedWorkshop {
  id: string;
  title: string;
  joinCode: string;
  facilitatorToken: string;
  projectorToken: string;
  urls: WorkshopUrls;
}

/** Answer of `POST /api/join` (CONTRACT.md). */
export interface JoinedWorkshop {
  workshopId: string;
  participantId: string;
  token: string;
}

/**
 * Answer of `GET /api/workshops/:id`: the contract's fields, plus what the token's role
 * needs to open the board: the join code and every link for the facilitator; the join code
 * and the join link (never a token) for the projector, which shows them to the room; who a
 * participant is.
 */
export interface WorkshopInfo {
  id: string;
  title: string;
  language: Language;
  template: string;
  createdAt: string;
  role: Role;
  joinCode?: string;
  /** Every link for the facilitator; only the join link for the projector. */
  urls?: WorkshopUrls | JoinUrls;
  participant?: { id: string; name: string | null; group: Group };
}

/** Answer of `GET /api/time`: the server's clock, in ms since 1970. */
export interface ServerTime {
  now: number;
}

