import type { Group } from '../domain/groups';
import type { Language } from '../domain/languages';
import type { Role } from '../domain/roles';

/** Links of a workshop, as the facilitator shares them (tokens ride in the fragment). */
export interface WorkshopUrls {
  facilitator: string;
  join: string;
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
 * needs to open the board (links and join code for the facilitator, who a participant is).
 */
export interface WorkshopInfo {
  id: string;
  title: string;
  language: Language;
  template: string;
  createdAt: string;
  role: Role;
  joinCode?: string;
  urls?: WorkshopUrls;
  participant?: { id: string; name: string | null; group: Group };
}
