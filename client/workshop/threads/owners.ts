import type * as Y from 'yjs';
import { isGroup, type Group } from '../../../shared/domain/groups';
import { participantsOf } from '../../../shared/schema';

/** A participant who may coordinate a thread, as the owner select lists them. */
export interface OwnerChoice {
  participantId: string;
  name: string | null;
  group: Group;
}

/** Every listed participant, by name then group, for the owner select. */
export function ownerChoicesOf(doc: Y.Doc): OwnerChoice[] {
  const choices: OwnerChoice[] = [];
  participantsOf(doc).forEach((value, participantId) => {
    if (typeof value !== 'object' || value === null) return;
    const listed = value as { name?: unknown; group?: unknown };
    if (!isGroup(listed.group)) return;
    choices.push({ participantId, name: typeof listed.name === 'string' && listed.name ? listed.name : null, group: listed.group });
  });
  return choices.sort((a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff') || a.group.localeCompare(b.group) || a.participantId.localeCompare(b.participantId));
}
