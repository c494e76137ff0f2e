import type { ExportDocument, WeaveFigure } from '../../shared/export/exportDocument';

/** User text that tries to be markup in each format: HTML, Markdown, a spreadsheet formula, XML. */
export const HOSTILE_TEXTS = [
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '=HYPERLINK("http://example.invalid","klik")',
  '<script>alert(2)</script>',
  ']]></w:t><w:t>injected',
  '**fed** _kursiv_ # ikke en overskrift',
] as const;

const LONG =
  'Fangsten binder byerne sammen, og de unge skal have både, garn og tid med de ældre fangere. ' +
  'Skolen, fritidsklubben og fangerforeningen vil gerne være med, men de mangler et sted at mødes året rundt. ';

export const SAMPLE_WEAVE: WeaveFigure = {
  weave: {
    gatherings: [
      { id: 'g1', title: 'Første samling', place: 'Nuuk', date: '2025-03-12' },
      { id: 'g2', title: 'Anden samling', place: 'Tasiilaq', date: '2025-03-16' },
      { id: 'g3', title: 'Tredje samling', place: 'Paamiut', date: '2025-03-20' },
    ],
    sections: [
      { id: 'section:sea', heading: 'Hav og fangst' },
      { id: 'section:homes', heading: 'Boliger <b>nu</b>' },
    ],
    strands: [
      {
        threadId: 't1',
        title: 'Hav og fangst',
        status: 'woven',
        stops: [
          { gatheringId: 'g1', notes: 2, learnings: 0 },
          { gatheringId: 'g2', notes: 1, learnings: 1 },
        ],
        sectionIds: ['section:sea'],
        elsewhere: 0,
      },
      {
        threadId: 't2',
        title: HOSTILE_TEXTS[0],
        status: 'running',
        stops: [{ gatheringId: 'g3', notes: 1, learnings: 0 }],
        sectionIds: ['section:homes'],
        elsewhere: 0,
      },
    ],
  },
  caption: 'Vævet: trådene gennem samlingerne og ind i grundfortællingen',
  narrativeLabel: 'Grundfortælling',
  untitledThread: 'Tråd uden titel',
  beforeFirstHeading: 'Indledning',
  gatheringFacts: { g1: 'Nuuk · 12. marts 2025', g2: 'Tasiilaq · 16. marts 2025', g3: 'Paamiut · 20. marts 2025' },
};

/**
 * A document with every kind of block, hostile text in each place user text can go, Danish
 * and Greenlandic letters, and enough text to run over more than one A4 page.
 */
export function sampleExportDocument(): ExportDocument {
  return {
    kind: 'narrative',
    language: 'da',
    title: `Vision for Sermersooq ${HOSTILE_TEXTS[3]}`,
    subtitle: 'Grundfortælling · Eksporteret 1. december 2026',
    labels: { footnotes: 'Noter', page: 'Side', weaveDescription: 'Vævet: tråde gennem samlingerne' },
    footnotes: [
      { text: 'Hav og fangst: “Både til unge fangere” — borger, Nuuk (Første samling, 12. marts 2025)' },
      { text: `Hav og fangst: “${HOSTILE_TEXTS[0]}” — borger, Tasiilaq` },
      { text: `Boliger: “${HOSTILE_TEXTS[2]}” — politiker, Paamiut` },
    ],
    blocks: [
      { kind: 'heading', level: 2, text: 'Hav og fangst' },
      { kind: 'paragraph', content: [{ text: LONG.repeat(3) }, { footnote: 1 }, { text: ` Og så sagde en borger: “${HOSTILE_TEXTS[0]}”` }, { footnote: 2 }] },
      { kind: 'paragraph', content: [{ text: HOSTILE_TEXTS[1] }, { text: ' ' }, { text: HOSTILE_TEXTS[5], strong: true }] },
      { kind: 'heading', level: 2, text: `Boliger ${HOSTILE_TEXTS[4]}` },
      { kind: 'paragraph', content: [{ text: `${HOSTILE_TEXTS[2]} Kalaallit Nunaat: ĸ, æ, ø, å, ä, ö.` }, { footnote: 3 }] },
      { kind: 'remark', text: 'Ingen sedler endnu.' },
      { kind: 'weave', figure: SAMPLE_WEAVE },
      { kind: 'heading', level: 2, text: 'Kilder' },
      { kind: 'heading', level: 3, text: 'Hav og fangst' },
      { kind: 'fields', fields: [{ label: 'Formål', value: HOSTILE_TEXTS[3] }, { label: 'Mål', value: 'Flere unge fangere' }] },
      {
        kind: 'quotes',
        quotes: [
          { text: 'Både til unge fangere', source: 'borger, Nuuk (Første samling, 12. marts 2025)', dots: 3 },
          { text: HOSTILE_TEXTS[0], source: `borger, ${HOSTILE_TEXTS[1]}` },
        ],
      },
      { kind: 'heading', level: 4, text: 'Erfaringer' },
      { kind: 'list', items: [[{ text: 'Skolen vil være med (16. marts 2025)' }], [{ text: HOSTILE_TEXTS[4] }]] },
      {
        kind: 'table',
        caption: `Afstemning: Vigtigst ${HOSTILE_TEXTS[2]}`,
        columns: ['Seddel', 'Borgere', 'Politikere', 'I alt'],
        rows: [
          ['Både til unge fangere', 2, 1, 3],
          [HOSTILE_TEXTS[0], 1, 0, 1],
        ],
      },
      ...Array.from({ length: 6 }, (_, index) => ({ kind: 'paragraph' as const, content: [{ text: `${index + 1}. ${LONG}${LONG}` }] })),
    ],
  };
}
