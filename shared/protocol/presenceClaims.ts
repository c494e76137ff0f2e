import { GROUP_NAMES, groupName } from '../domain/groupNames';
import { GROUP_STYLES, type Group } from '../domain/groups';
import { boardUserId, type Identity } from '../domain/identity';
import type { Language } from '../domain/languages';

/**
 * Where a Flet client puts its presence in its awareness state: `{[PRESENCE_FIELD]: {userId,
 * userName, color, …, meta: {role, group}}}` (tldraw's TLInstancePresence). Others draw the
 * name and colour by the cursor, and the projector follows whoever is the facilitator.
 */
export const PRESENCE_FIELD = 'presence';

/** Where a stock y-websocket client names its person: `{[USER_FIELD]: {name, color}}`. */
export const USER_FIELD = 'user';

/** The person a presence belongs to, as their token says (a server session fits). */
export interface PresenceOwner extends Identity {
  workshopId: string;
}

/**
 * The name others see for an anonymous participant: their group's name. The client shows it
 * in its sender's language, so any language's name of the person's own group is kept as
 * claimed; anything else becomes the group's name in the workshop's language.
 */
export function anonymousName(group: Group, claimed: unknown, language: Language): string {
  for (const names of Object.values(GROUP_NAMES)) if (names[group] === claimed) return names[group];
  return groupName(group, language);
}

/**
 * Rewrites every place where `state` names a person (the Flet presence and the stock `user`
 * field) to the facts of `owner`'s token: user id, name, colour, role and group. The state
 * is changed in place; returns true when anything differed, so an honest state, which is
 * nearly every one, is relayed as sent without being encoded again.
 *
 * A participant's name and colour are always theirs (the group's name when anonymous, the
 * group's colour). The facilitator and the projector have no stored name or group: their
 * own tabs choose the name and colour, but never the role or the group.
 */
export function ownClaims(state: object, owner: PresenceOwner, language: Language): boolean {
  if (!isObject(state)) return false;
  const name = (claimed: unknown): unknown => shownName(owner, claimed, language);
  const color = (claimed: unknown): unknown => (owner.group ? GROUP_STYLES[owner.group].hex : claimed);
  let changed = false;
  const presence = state[PRESENCE_FIELD];
  if (isObject(presence)) {
    changed = set(presence, 'userId', boardUserId(owner, owner.workshopId) ?? presence.userId) || changed;
    changed = set(presence, 'userName', name(presence.userName)) || changed;
    changed = set(presence, 'color', color(presence.color)) || changed;
    const meta = isObject(presence.meta) ? presence.meta : {};
    if (presence.meta !== meta) {
      presence.meta = meta;
      changed = true;
    }
    changed = set(meta, 'role', owner.role) || changed;
    changed = set(meta, 'group', owner.group) || changed;
  }
  const user = state[USER_FIELD];
  if (isObject(user)) {
    changed = set(user, 'name', name(user.name)) || changed;
    changed = set(user, 'color', color(user.color)) || changed;
  }
  return changed;
}

/** The name shown for `owner`; `claimed` stands only where the token has no name to give. */
function shownName(owner: PresenceOwner, claimed: unknown, language: Language): unknown {
  if (owner.role !== 'participant') return claimed;
  if (owner.name !== null) return owner.name;
  return owner.group ? anonymousName(owner.group, claimed, language) : claimed;
}

/** Sets `key` to `value` (leaving an absent key absent when `value` is undefined); true on change. */
function set(target: Record<string, unknown>, key: string, value: unknown): boolean {
  if (value === undefined || target[key] === value) return false;
  target[key] = value;
  return true;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
