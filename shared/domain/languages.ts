/** Languages a workshop can be held in: Danish, Swedish, English, Greenlandic. */
export const LANGUAGES = ['da', 'sv', 'en', 'kl'] as const;

export type Language = (typeof LANGUAGES)[number];

/** True when `value` is a supported workshop language. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
