import type { Language } from '../domain/languages';

/**
 * The words of the exported documents, per language. They are the server's (an export is made
 * without the browser), so they live beside the exports rather than in the client's strings.
 * Greenlandic falls back to Danish, as the interface does.
 */
const WORDS = {
  da: {
    narrative: 'Grundfortælling',
    exported: 'Eksporteret',
    emptyNarrative: 'Grundfortællingen er endnu tom.',
    provenance: 'Kilder',
    provenanceIntro: 'Trådene i grundfortællingen, og de sedler de bygger på, med gruppe og sted.',
    noWovenThreads: 'Ingen tråde er endnu flettet ind i grundfortællingen.',
    untitledThread: 'Tråd uden titel',
    purpose: 'Formål',
    goal: 'Mål',
    notes: 'Sedler',
    noNotes: 'Ingen sedler.',
    learnings: 'Erfaringer',
    unknownGroup: 'ukendt gruppe',
    unknownPlace: 'ukendt sted',
    beforeFirstHeading: 'Indledning',
  },
  sv: {
    narrative: 'Berättelse',
    exported: 'Exporterad',
    emptyNarrative: 'Berättelsen är ännu tom.',
    provenance: 'Källor',
    provenanceIntro: 'Trådarna i berättelsen och lapparna de bygger på, med grupp och plats.',
    noWovenThreads: 'Inga trådar är ännu invävda i berättelsen.',
    untitledThread: 'Tråd utan titel',
    purpose: 'Syfte',
    goal: 'Mål',
    notes: 'Lappar',
    noNotes: 'Inga lappar.',
    learnings: 'Lärdomar',
    unknownGroup: 'okänd grupp',
    unknownPlace: 'okänd plats',
    beforeFirstHeading: 'Inledning',
  },
  en: {
    narrative: 'Narrative',
    exported: 'Exported',
    emptyNarrative: 'The narrative is still empty.',
    provenance: 'Sources',
    provenanceIntro: 'The threads of the narrative, and the notes they build on, with group and place.',
    noWovenThreads: 'No thread has been woven into the narrative yet.',
    untitledThread: 'Untitled thread',
    purpose: 'Purpose',
    goal: 'Goal',
    notes: 'Notes',
    noNotes: 'No notes.',
    learnings: 'Learnings',
    unknownGroup: 'unknown group',
    unknownPlace: 'unknown place',
    beforeFirstHeading: 'Introduction',
  },
} as const;

export type ExportWords = Record<keyof (typeof WORDS)['en'], string>;

/** The words of an export in `language`. */
export function exportWords(language: Language): ExportWords {
  return WORDS[language === 'kl' ? 'da' : language];
}

const LOCALES: Record<Language, string> = { da: 'da-DK', sv: 'sv-SE', en: 'en-GB', kl: 'da-DK' };

/** A day in the workshop's locale (`date` is YYYY-MM-DD or ms since 1970). */
export function formatDay(date: string | number, language: Language): string {
  const day = typeof date === 'string' ? new Date(`${date}T12:00:00Z`) : new Date(date);
  if (Number.isNaN(day.getTime())) return String(date);
  return new Intl.DateTimeFormat(LOCALES[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(day);
}
