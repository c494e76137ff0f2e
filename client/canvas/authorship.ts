import type { TLAsset, TLShape } from 'tldraw';
import { GROUP_STYLES, type Group } from '../../shared/domain/groups';
import type { Identity } from '../../shared/domain/identity';

/** The meta every shape and asset made on the board carries. */
export interface Authorship {
  group: Group | null;
  participantId: string | null;
  gatheringId: string | null;
}

/** The colour of a person's new notes: their group's, or yellow for the facilitator. */
export function noteColorOf(identity: Identity): string {
  return identity.group ? GROUP_STYLES[identity.group].canvasColor : 'yellow';
}

function hasAuthor(meta: object): boolean {
  return 'participantId' in meta;
}

/**
 * A new shape or asset as `identity` makes it, on the page of gathering `gatheringId` (null
 * when the page is no gathering's). A participant's are always their own, pasted or
 * duplicated ones too (the rules refuse a participant's record with another author), and
 * belong to the gathering they are made in. The facilitator's own drawings get the
 * facilitator's authorship; pasted ones keep who made them and where (an imported note keeps
 * its gathering). A new note takes its maker's colour: the group's, or yellow for the
 * facilitator.
 */
export function stamped<R extends TLShape | TLAsset>(record: R, identity: Identity, gatheringId: string | null = null): R {
  if (identity.role !== 'participant' && hasAuthor(record.meta)) return record;
  const author: Authorship = { group: identity.group, participantId: identity.participantId, gatheringId };
  const next: R = { ...record, meta: { ...record.meta, ...author } };
  if (next.typeName !== 'shape' || next.type !== 'note') return next;
  return { ...next, props: { ...next.props, color: noteColorOf(identity) } };
}
