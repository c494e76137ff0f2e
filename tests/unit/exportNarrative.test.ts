import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seedBoard } from '../../shared/domain/board';
import { narrativeDocument, renderMarkdown, type Block, type ExportDocument } from '../../shared/export';
import { narrativeOf, workshopOf } from '../../shared/schema';
import { heading, passage } from '../helpers/narrative';
import { exportProcess, FACTS, HOSTILE_IMAGE, HOSTILE_LINK } from './exportFixture';

const EXPORTED_AT = Date.UTC(2025, 3, 2, 12);

const headingTexts = (document: ExportDocument) => document.blocks.flatMap((block) => (block.kind === 'heading' ? [block.text] : []));
const paragraphs = (document: ExportDocument) => document.blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.content] : []));

/** A paragraph of runs; bold runs marked as the editor stores them. */
function paragraph(runs: Array<{ text: string; attributes?: Record<string, unknown> }>): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  element.insert(0, [text]);
  let at = 0;
  for (const run of runs) {
    // Attributes given (even none) keep the run from taking on the formatting before it.
    text.insert(at, run.text, run.attributes ?? {});
    at += run.text.length;
  }
  return element;
}

function bulletList(items: string[]): Y.XmlElement {
  const list = new Y.XmlElement('bulletList');
  list.insert(
    0,
    items.map((item) => {
      const listItem = new Y.XmlElement('listItem');
      listItem.insert(0, [paragraph([{ text: item }])]);
      return listItem;
    }),
  );
  return list;
}

describe('the narrative as a document', () => {
  it('is titled by the workshop and holds each section’s heading and paragraphs', () => {
    const { doc } = exportProcess();
    const document = narrativeDocument(doc, FACTS, EXPORTED_AT);
    expect(document.kind).toBe('narrative');
    expect(document.title).toBe('Vision for Sermersooq');
    expect(document.subtitle).toBe('Grundfortælling · Eksporteret 2. april 2025');
    expect(document.blocks.slice(0, 3)).toEqual([
      { kind: 'heading', level: 2, text: 'Indledning' },
      { kind: 'heading', level: 2, text: 'Hav og fangst' },
      { kind: 'paragraph', content: [{ text: 'Fangst binder byerne sammen. “Både til unge fangere”' }, { footnote: 1 }] },
    ]);
  });

  it('puts a footnote after each quote, naming the thread, the note, its group, place and day', () => {
    const { doc } = exportProcess();
    const document = narrativeDocument(doc, FACTS, EXPORTED_AT);
    expect(document.footnotes).toEqual([{ text: 'Hav og fangst: “Både til unge fangere” — Borger, Nuuk (Første samling, 12. marts 2025)' }]);
    expect(document.labels).toEqual({ footnotes: 'Noter', page: 'Side', weaveDescription: expect.stringContaining('Fletningen') });
  });

  it('numbers footnotes in reading order, once per note, and gives a hidden note’s quote none', () => {
    const { doc, ids } = exportProcess();
    narrativeOf(doc).insert(narrativeOf(doc).length, [
      passage('passage:2', ids.sea, 'Og i Tasiilaq:', [
        { noteId: ids.nets, text: 'Fælles garn' },
        { noteId: ids.hidden, text: 'det skjulte' },
        { noteId: ids.boats, text: 'Både igen' },
      ]),
    ]);
    const document = narrativeDocument(doc, FACTS, EXPORTED_AT);
    expect(paragraphs(document).find((content) => 'text' in content[0] && content[0].text.startsWith('Og i Tasiilaq'))).toEqual([{ text: 'Og i Tasiilaq: “Fælles garn”' }, { footnote: 2 }, { text: ' “det skjulte” “Både igen”' }, { footnote: 1 }]);
    expect(document.footnotes.map((footnote) => footnote.text)).toEqual([
      'Hav og fangst: “Både til unge fangere” — Borger, Nuuk (Første samling, 12. marts 2025)',
      'Hav og fangst: “Fælles garn” — Politiker, Tasiilaq (Anden samling, 16. marts 2025)',
    ]);
    expect(JSON.stringify(document.footnotes)).not.toContain('Skjult seddel');
    expect(JSON.stringify(document)).not.toContain('Skjult seddel');
  });

  it('keeps bold words strong, lists as lists, and names text before the first heading', () => {
    const doc = new Y.Doc();
    seedBoard(doc, { title: 'Vision', language: 'en' });
    narrativeOf(doc).insert(0, [
      paragraph([{ text: 'We start ' }, { text: 'together', attributes: { bold: true } }, { text: '.' }]),
      heading('section:a', 'Homes'),
      bulletList(['More homes', HOSTILE_IMAGE]),
      paragraph([{ text: '   ' }]),
    ]);
    const document = narrativeDocument(doc, { ...FACTS, title: 'Vision', language: 'en' }, EXPORTED_AT);
    expect(document.blocks.slice(0, 4)).toEqual([
      { kind: 'heading', level: 2, text: 'Introduction' },
      { kind: 'paragraph', content: [{ text: 'We start ' }, { text: 'together', strong: true }, { text: '.' }] },
      { kind: 'heading', level: 2, text: 'Homes' },
      { kind: 'list', items: [[{ text: 'More homes' }], [{ text: HOSTILE_IMAGE }]] },
    ]);
    const markdown = renderMarkdown(document);
    expect(markdown).toContain('We start **together**.');
    expect(markdown).toContain('- &lt;img src=x onerror=alert(1)&gt;');
  });

  it('draws the weave, counting no hidden note', () => {
    const { doc, ids } = exportProcess();
    const document = narrativeDocument(doc, FACTS, EXPORTED_AT);
    const weave = document.blocks.find((block): block is Extract<Block, { kind: 'weave' }> => block.kind === 'weave');
    expect(weave?.figure.gatheringFacts).toEqual({ [ids.nuuk]: 'Nuuk · 12. marts 2025', [ids.tasiilaq]: 'Tasiilaq · 16. marts 2025', [ids.paamiut]: 'Paamiut · 20. marts 2025' });
    expect(weave?.figure.narrativeLabel).toBe('Grundfortælling');
    const sea = weave?.figure.weave.strands.find((strand) => strand.threadId === ids.sea);
    expect(sea?.stops).toEqual([
      { gatheringId: ids.nuuk, notes: 1, learnings: 0 },
      { gatheringId: ids.tasiilaq, notes: 2, learnings: 1 },
      { gatheringId: ids.paamiut, notes: 1, learnings: 0 },
    ]);
    expect(sea?.sectionIds).toEqual(['section:sea']);
    expect(headingTexts(document).indexOf('Fletningen')).toBeLessThan(headingTexts(document).indexOf('Kilder'));
  });

  it('ends with the provenance: woven threads, their notes as quotes with source and dots, their learnings', () => {
    const { doc } = exportProcess();
    const document = narrativeDocument(doc, FACTS, EXPORTED_AT);
    const start = document.blocks.findIndex((block) => block.kind === 'heading' && block.text === 'Kilder');
    const appendix = document.blocks.slice(start);
    expect(appendix.slice(0, 3)).toEqual([
      { kind: 'heading', level: 2, text: 'Kilder' },
      { kind: 'paragraph', content: [{ text: 'Trådene i grundfortællingen, og de sedler de bygger på, med gruppe og sted.' }] },
      { kind: 'heading', level: 3, text: 'Hav og fangst' },
    ]);
    const quotes = appendix.find((block): block is Extract<Block, { kind: 'quotes' }> => block.kind === 'quotes');
    expect(quotes?.quotes).toEqual([
      { text: 'Både til unge fangere', source: 'Borger, Nuuk (Første samling, 12. marts 2025)', dots: 3 },
      { text: 'Fælles garn', source: 'Politiker, Tasiilaq (Anden samling, 16. marts 2025)', dots: 1 },
      { text: HOSTILE_IMAGE, source: 'Borger, Tasiilaq (Anden samling, 16. marts 2025)' },
      { text: HOSTILE_LINK, source: 'Borger, Paamiut (Tredje samling, 20. marts 2025)' },
    ]);
    const learnings = appendix.find((block): block is Extract<Block, { kind: 'list' }> => block.kind === 'list');
    expect(learnings?.items).toEqual([[{ text: expect.stringMatching(/^Skolen vil være med \(\d+\. \p{L}+ \d{4}\)$/u) }]]);
    // Boliger is not woven.
    expect(headingTexts(document)).not.toContain('Boliger');
  });

  it('gives purpose and goal as fields', () => {
    const { doc, ids } = exportProcess();
    const card = doc.getMap<Y.Map<unknown>>('threads').get(ids.sea)!;
    card.set('purpose', 'At holde fangsten i live');
    card.set('goal', HOSTILE_LINK);
    const document = narrativeDocument(doc, FACTS, EXPORTED_AT);
    expect(document.blocks).toContainEqual({ kind: 'fields', fields: [{ label: 'Formål', value: 'At holde fangsten i live' }, { label: 'Mål', value: HOSTILE_LINK }] });
    expect(renderMarkdown(document)).toContain('**Mål:** \\[x\\](javascript:alert(1))');
  });

  it('says so when empty', () => {
    const doc = new Y.Doc();
    seedBoard(doc, { title: 'Tom', language: 'sv' });
    const document = narrativeDocument(doc, { ...FACTS, title: 'Tom', language: 'sv' }, EXPORTED_AT);
    expect(document.blocks).toEqual([
      { kind: 'remark', text: 'Berättelsen är ännu tom.' },
      { kind: 'heading', level: 2, text: 'Källor' },
      { kind: 'paragraph', content: [{ text: 'Trådarna i berättelsen och lapparna de bygger på, med grupp och plats.' }] },
      { kind: 'remark', text: 'Inga trådar är ännu invävda i berättelsen.' },
    ]);
    expect(document.footnotes).toEqual([]);
  });

  it('speaks Swedish and English', () => {
    const { doc } = exportProcess();
    workshopOf(doc).set('language', 'sv');
    const swedish = narrativeDocument(doc, FACTS, EXPORTED_AT);
    expect(swedish.subtitle).toBe('Berättelse · Exporterad 2 april 2025');
    expect(swedish.footnotes[0].text).toBe('Hav og fangst: “Både til unge fangere” — Medborgare, Nuuk (Første samling, 12 mars 2025)');
    expect(headingTexts(swedish)).toEqual(expect.arrayContaining(['Flätningen', 'Källor', 'Lappar', 'Lärdomar']));
    expect(swedish.labels.footnotes).toBe('Fotnoter');
    workshopOf(doc).set('language', 'en');
    const english = narrativeDocument(doc, FACTS, EXPORTED_AT);
    expect(english.subtitle).toBe('Narrative · Exported 2 April 2025');
    expect(english.footnotes[0].text).toBe('Hav og fangst: “Både til unge fangere” — Citizen, Nuuk (Første samling, 12 March 2025)');
    expect(headingTexts(english)).toEqual(expect.arrayContaining(['The weave', 'Sources', 'Notes', 'Learnings']));
  });
});

describe('Markdown of any document', () => {
  it('escapes every table cell, the pipe too, and defines footnotes at the end', () => {
    const markdown = renderMarkdown({
      kind: 'report',
      language: 'en',
      title: `Title ${HOSTILE_IMAGE}`,
      subtitle: 'Report',
      blocks: [
        { kind: 'paragraph', content: [{ text: 'Said' }, { footnote: 1 }] },
        { kind: 'table', caption: 'Vote: a | b', columns: ['Note', 'Citizen', 'Total'], rows: [['left | right', 2, 2], [HOSTILE_LINK, 0, 0]] },
      ],
      footnotes: [{ text: `“${HOSTILE_LINK}” — Citizen` }],
      labels: { footnotes: 'Notes', page: 'Page', weaveDescription: 'The weave' },
    });
    expect(markdown).toContain('# Title &lt;img src=x onerror=alert(1)&gt;');
    expect(markdown).toContain('Said[^1]');
    expect(markdown).toContain('**Vote: a \\| b**');
    expect(markdown).toContain('| Note | Citizen | Total |\n| --- | ---: | ---: |\n| left \\| right | 2 | 2 |\n| \\[x\\](javascript:alert(1)) | 0 | 0 |');
    expect(markdown.trimEnd().endsWith('[^1]: “\\[x\\](javascript:alert(1))” — Citizen')).toBe(true);
    // No cell can open a new column: every pipe in user text is escaped.
    for (const line of markdown.split('\n').filter((row) => row.startsWith('| left'))) expect(line.split(/(?<!\\)\|/).length).toBe(5);
  });
});
