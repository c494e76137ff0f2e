import type * as Y from 'yjs';
import { participantsOf } from '../schema';
import type { Group } from './groups';

/** A participant as the workshop's document lists them: the name they gave (or none) and their group. */
export interface ListedParticipant {
  name: string | null;
  group: Group;
}

/**
 * Lists a participant who joined, so reports and views can name voices by group without
 * asking the server. Written by the server only (the schema's write rule for `participants`).
 */
export function listParticipant(doc: Y.Doc, participantId: string, participant: ListedParticipant): void {
  participantsOf(doc).set(participantId, { name: participant.name, group: participant.group });
}

/** The participant listed under `participantId`, if any. */
export function listedParticipant(doc: Y.Doc, participantId: string): ListedParticipant | undefined {
  return participantsOf(doc).get(participantId) as ListedParticipant | undefined;
}
