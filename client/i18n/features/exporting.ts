/** Strings of the facilitator's downloads, under `exporting.*`, in Danish, Swedish and English (Greenlandic falls back to Danish). */
export const exporting = {
  da: {
    heading: 'Eksportér:',
    json: 'Hent workshoppen (JSON)',
    md: 'Hent grundfortællingen (Markdown)',
    busy: 'Henter …',
    done: '{{name}} er hentet.',
    network: 'Serveren kunne ikke nås. Prøv igen om lidt.',
    refused: 'Kun proceslederen kan eksportere, og dit link gælder ikke længere.',
    failed: 'Eksporten mislykkedes: {{message}}',
  },
  sv: {
    heading: 'Exportera:',
    json: 'Hämta workshoppen (JSON)',
    md: 'Hämta berättelsen (Markdown)',
    busy: 'Hämtar …',
    done: '{{name}} har hämtats.',
    network: 'Servern gick inte att nå. Försök igen om en stund.',
    refused: 'Bara processledaren kan exportera, och din länk gäller inte längre.',
    failed: 'Exporten misslyckades: {{message}}',
  },
  en: {
    heading: 'Export:',
    json: 'Download the workshop (JSON)',
    md: 'Download the narrative (Markdown)',
    busy: 'Downloading …',
    done: '{{name}} has been downloaded.',
    network: 'The server could not be reached. Try again in a moment.',
    refused: 'Only the facilitator can export, and your link is no longer valid.',
    failed: 'The export failed: {{message}}',
  },
};
