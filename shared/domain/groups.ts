/**
 * Stakeholder groups. A participant belongs to one; it is shown by colour on the board and
 * used in reports. The order here is the order people see in pickers and legends.
 */
export const GROUPS = [
  'politician',
  'manager',
  'employee',
  'citizen',
  'business',
  'association',
  'other',
] as const;

export type Group = (typeof GROUPS)[number];

/** Colours from tldraw's palette, so a note in a group's colour is an ordinary tldraw note. */
export type CanvasColor = 'violet' | 'blue' | 'green' | 'orange' | 'red' | 'light-blue' | 'grey';

export interface GroupStyle {
  /** tldraw colour name for notes and shapes of this group. */
  canvasColor: CanvasColor;
  /** Hex colour for cursors, legends and other non-canvas UI (close to tldraw's own). */
  hex: string;
}

export const GROUP_STYLES: Record<Group, GroupStyle> = {
  politician: { canvasColor: 'violet', hex: '#ae3ec9' },
  manager: { canvasColor: 'blue', hex: '#4465e9' },
  employee: { canvasColor: 'green', hex: '#099268' },
  citizen: { canvasColor: 'orange', hex: '#e16919' },
  business: { canvasColor: 'red', hex: '#e03131' },
  association: { canvasColor: 'light-blue', hex: '#4ba1f1' },
  other: { canvasColor: 'grey', hex: '#9fa8b2' },
};

/** True when `value` names a stakeholder group. */
export function isGroup(value: unknown): value is Group {
  return typeof value === 'string' && (GROUPS as readonly string[]).includes(value);
}
