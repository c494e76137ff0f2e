import type { Gathering } from '../../../shared/domain/gatherings';

/**
 * The locale days are written in: the browser's own when it speaks the interface's language
 * (en-GB writes "12 March", en-US "March 12"), else the interface's language.
 */
export function dateLocale(language: string): string {
  const base = language === 'kl' ? 'da' : language;
  const own = typeof navigator === 'undefined' ? undefined : navigator.languages?.find((tag) => tag.toLowerCase().split('-')[0] === base);
  return own ?? base;
}

/**
 * A gathering's day as people read it in their language ("12. marts 2025", "12 March 2025"),
 * or null when it has none. Stored days are calendar days, so they are read in UTC: the day
 * stays the same in every time zone.
 */
export function gatheringDate(date: string | null, language: string): string | null {
  if (!date) return null;
  const day = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return date;
  return new Intl.DateTimeFormat(dateLocale(language), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(day);
}

/** Place and day of a gathering in one line ("Nuuk · 12 March 2025"), or '' when it has neither. */
export function gatheringFacts(gathering: Pick<Gathering, 'place' | 'date'>, language: string): string {
  return [gathering.place, gatheringDate(gathering.date, language)].filter(Boolean).join(' · ');
}
