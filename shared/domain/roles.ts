/** What a token lets its holder do in one workshop. */
export const ROLES = ['facilitator', 'participant', 'projector'] as const;

export type Role = (typeof ROLES)[number];

/** Workshop templates named in the contract. */
export const TEMPLATES = [
  'blank',
  'vision-gathering',
  'keep-start-leave',
  'roles-and-boundaries',
  'cross-cutting',
] as const;

export type Template = (typeof TEMPLATES)[number];

/** True when `value` names a workshop template. */
export function isTemplate(value: unknown): value is Template {
  return typeof value === 'string' && (TEMPLATES as readonly string[]).includes(value);
}
