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
    footnotes: 'Noter',
    page: 'Side',
    weave: 'Fletningen',
    weaveCaption: 'Fletningen: trådene gennem samlingerne og ind i grundfortællingen',
    weaveDescription: 'Fletningen: hver tråd løber gennem de samlinger, hvor den har sedler eller erfaringer, og ind i de afsnit af grundfortællingen, den er flettet ind i.',
    collectedBefore: 'indsamlet på forhånd',
    dots_one: '{count} prik',
    dots_other: '{count} prikker',
    report: 'Rapport',
    summary: 'Opsummering',
    goalsResult: 'Resultat i forhold til målene',
    nothingWritten: 'Intet skrevet endnu.',
    prompt: 'Spørgsmål',
    noSteps: 'Samlingen har ingen trin.',
    otherNotes: 'Andre sedler',
    votes: 'Afstemninger',
    note: 'Seddel',
    total: 'I alt',
    voteCaption_one: 'Afstemning: {title} ({count} har stemt)',
    voteCaption_other: 'Afstemning: {title} ({count} har stemt)',
    threadsTouched: 'Tråde',
    noThreadsTouched: 'Ingen tråde har sedler eller erfaringer fra samlingen.',
    status: 'Status',
    status_idea: 'Idé',
    status_running: 'I gang',
    status_learning: 'Læring',
    status_woven: 'Flettet ind',
    notesHere: 'Sedler fra samlingen',
    learningsHere: 'Erfaringer fra samlingen',
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
    footnotes: 'Fotnoter',
    page: 'Sida',
    weave: 'Flätningen',
    weaveCaption: 'Flätningen: trådarna genom träffarna och in i berättelsen',
    weaveDescription: 'Flätningen: varje tråd löper genom de träffar där den har lappar eller lärdomar, och in i de avsnitt av berättelsen som den har flätats in i.',
    collectedBefore: 'insamlad i förväg',
    dots_one: '{count} prick',
    dots_other: '{count} prickar',
    report: 'Rapport',
    summary: 'Sammanfattning',
    goalsResult: 'Resultat i förhållande till målen',
    nothingWritten: 'Inget skrivet ännu.',
    prompt: 'Fråga',
    noSteps: 'Träffen har inga steg.',
    otherNotes: 'Andra lappar',
    votes: 'Omröstningar',
    note: 'Lapp',
    total: 'Totalt',
    voteCaption_one: 'Omröstning: {title} ({count} har röstat)',
    voteCaption_other: 'Omröstning: {title} ({count} har röstat)',
    threadsTouched: 'Trådar',
    noThreadsTouched: 'Inga trådar har lappar eller lärdomar från träffen.',
    status: 'Status',
    status_idea: 'Idé',
    status_running: 'Pågår',
    status_learning: 'Lärande',
    status_woven: 'Invävd',
    notesHere: 'Lappar från träffen',
    learningsHere: 'Lärdomar från träffen',
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
    footnotes: 'Notes',
    page: 'Page',
    weave: 'The weave',
    weaveCaption: 'The weave: the threads through the gatherings and into the narrative',
    weaveDescription: 'The weave: each thread runs through the gatherings where it has notes or learnings, and into the sections of the narrative it was woven into.',
    collectedBefore: 'collected beforehand',
    dots_one: '{count} dot',
    dots_other: '{count} dots',
    report: 'Report',
    summary: 'Summary',
    goalsResult: 'Result against the goals',
    nothingWritten: 'Nothing written yet.',
    prompt: 'Question',
    noSteps: 'The gathering has no steps.',
    otherNotes: 'Other notes',
    votes: 'Votes',
    note: 'Note',
    total: 'Total',
    voteCaption_one: 'Vote: {title} ({count} person voted)',
    voteCaption_other: 'Vote: {title} ({count} people voted)',
    threadsTouched: 'Threads',
    noThreadsTouched: 'No thread has notes or learnings from this gathering.',
    status: 'Status',
    status_idea: 'Idea',
    status_running: 'Running',
    status_learning: 'Learning',
    status_woven: 'Woven',
    notesHere: 'Notes from this gathering',
    learningsHere: 'Learnings from this gathering',
  },
} as const;

export type ExportWords = Record<keyof (typeof WORDS)['en'], string>;

/** The words of an export in `language`. */
export function exportWords(language: Language): ExportWords {
  return WORDS[language === 'kl' ? 'da' : language];
}

/** A word with a count in it ("3 prikker"), chosen by the count's plural form in the language. */
export function countWords(words: ExportWords, key: 'dots' | 'voteCaption', count: number, fill: Record<string, string> = {}): string {
  const text = count === 1 ? words[`${key}_one`] : words[`${key}_other`];
  const values: Record<string, string> = { ...fill, count: String(count) };
  // One pass over the words' own text: a title holding "{count}" stays as it was written.
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

const LOCALES: Record<Language, string> = { da: 'da-DK', sv: 'sv-SE', en: 'en-GB', kl: 'da-DK' };

/** A day in the workshop's locale (`date` is YYYY-MM-DD or ms since 1970). */
export function formatDay(date: string | number, language: Language): string {
  const day = typeof date === 'string' ? new Date(`${date}T12:00:00Z`) : new Date(date);
  if (Number.isNaN(day.getTime())) return String(date);
  return new Intl.DateTimeFormat(LOCALES[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(day);
}
