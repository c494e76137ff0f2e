import type { Role } from '../domain/roles';

/**
 * Where a Flet client puts its presence in its awareness state: `{[PRESENCE_FIELD]: {…,
 * meta: {role, group}}}`. The projector follows whoever claims to be the facilitator, so the
 * server holds every claim of a role to the role of the socket's session.
 */
export const PRESENCE_FIELD = 'presence';

/** The role an awareness state claims, or undefined when it claims none. */
export function claimedRole(state: unknown): unknown {
  if (!isObject(state)) return undefined;
  const presence = state[PRESENCE_FIELD];
  if (!isObject(presence) || !isObject(presence.meta)) return undefined;
  return presence.meta.role;
}

/** True when the state claims no role, or exactly `role`. */
export function claimsOnly(state: unknown, role: Role): boolean {
  const claim = claimedRole(state);
  return claim === undefined || claim === role;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
