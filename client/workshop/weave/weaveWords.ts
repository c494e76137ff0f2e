import type { TFunction } from 'i18next';
import type { Strand, Weave, WeaveGathering, WeaveSection, WeaveStop } from '../../../shared/domain/weave';

/** "2 notes, 1 learning": what a strand holds at one gathering, in words. */
export function countsText(t: TFunction, stop: Pick<WeaveStop, 'notes' | 'learnings'>): string {
  const parts: string[] = [];
  if (stop.notes) parts.push(t('weave.notes', { count: stop.notes }));
  if (stop.learnings) parts.push(t('weave.learnings', { count: stop.learnings }));
  return parts.join(', ');
}

/** A section's heading, or what stands for the text before the first heading. */
export function sectionName(t: TFunction, section: WeaveSection): string {
  return section.heading.trim() || t('weave.beforeFirstHeading');
}

/** A thread's title, or what stands for a thread without one. */
export function threadTitle(t: TFunction, strand: Pick<Strand, 'title'>): string {
  return strand.title.trim() || t('weave.untitled');
}

/** Words joined as the language joins a list ("A, B and C"). */
export function listText(items: readonly string[], language: string): string {
  try {
    return new Intl.ListFormat(language === 'kl' ? 'da' : language, { type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

/** A gathering's day in words ("12 March 2025"), or '' when it has none. */
export function dateText(date: string | null, language: string): string {
  if (!date) return '';
  const day = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return date;
  // English here is British English: day before month, as in the rest of the board's Europe.
  const locale = language === 'kl' ? 'da' : language === 'en' ? 'en-GB' : language;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(day);
}

/** Place and day of a gathering ("Nuuk · 12 March 2025"); the place is left out when the title says it already. */
export function gatheringFacts(gathering: Pick<WeaveGathering, 'title' | 'place' | 'date'>, language: string): string {
  const place = gathering.place?.trim() ?? '';
  const named = place.toLocaleLowerCase() === gathering.title.trim().toLocaleLowerCase();
  return [named ? '' : place, dateText(gathering.date, language)].filter(Boolean).join(' · ');
}

/** The sections a strand was woven into, by name. */
export function wovenSectionNames(t: TFunction, weave: Weave, strand: Strand): string[] {
  return strand.sectionIds.flatMap((id) => {
    const section = weave.sections.find((candidate) => candidate.id === id);
    return section ? [sectionName(t, section)] : [];
  });
}

/**
 * A strand's accessible name: its title, where it runs and where it ends ("Sea and hunting:
 * Nuuk (2 notes), Paamiut (1 note); woven into Hav og fangst").
 */
export function strandName(t: TFunction, weave: Weave, strand: Strand, language: string): string {
  const titles = new Map(weave.gatherings.map((gathering) => [gathering.id, gathering.title]));
  const stops = strand.stops.map((stop) => t('weave.stop', { gathering: titles.get(stop.gatheringId) ?? '', counts: countsText(t, stop) }));
  const sections = wovenSectionNames(t, weave, strand);
  return t('weave.strandName', {
    title: threadTitle(t, strand),
    stops: stops.length ? stops.join(', ') : t('weave.noStops'),
    woven: sections.length ? t('weave.wovenInto', { sections: listText(sections, language) }) : t('weave.notWoven'),
  });
}
