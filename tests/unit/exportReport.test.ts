import { describe, expect, it } from 'vitest';
import { REPORT_GOALS_KEY } from '../../shared/domain/templates';
import { openVote, tallyVote, voteOf, writeTally } from '../../shared/domain/votes';
import { gatheringReport, renderMarkdown, type Block, type ExportDocument } from '../../shared/export';
import { workshopOf } from '../../shared/schema';
import { FACTS, HOSTILE_IMAGE, HOSTILE_LINK, NUUK_FIRST_GOAL, REPORT_GOALS, reportProcess } from './exportFixture';

const EXPORTED_AT = Date.UTC(2025, 3, 2, 12);

function report(gathering: 'nuuk' | 'tasiilaq' | 'paamiut', edit?: (process: ReturnType<typeof reportProcess>) => void): ExportDocument {
  const process = reportProcess();
  edit?.(process);
  const document = gatheringReport(process.doc, FACTS, process.ids[gathering], EXPORTED_AT);
  expect(document).not.toBeNull();
  return document as ExportDocument;
}

const headingTexts = (document: ExportDocument) => document.blocks.flatMap((block) => (block.kind === 'heading' ? [block.text] : []));

/** The blocks under a heading, up to the next heading of its level or above. */
function under(document: ExportDocument, text: string): Block[] {
  const start = document.blocks.findIndex((block) => block.kind === 'heading' && block.text === text);
  expect(start, `heading ${text}`).toBeGreaterThanOrEqual(0);
  const level = (document.blocks[start] as { level: number }).level;
  const rest = document.blocks.slice(start + 1);
  const end = rest.findIndex((block) => block.kind === 'heading' && block.level <= level);
  return end < 0 ? rest : rest.slice(0, end);
}

/** The words a reader finds in some blocks: quotes as “text” — source. */
function wordsOf(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block): string[] => {
    switch (block.kind) {
      case 'heading':
      case 'remark':
        return [block.text];
      case 'paragraph':
        return [block.content.map((run) => ('text' in run ? run.text : '')).join('')];
      case 'fields':
        return block.fields.map((field) => `${field.label}: ${field.value}`);
      case 'list':
        return block.items.map((item) => item.map((run) => ('text' in run ? run.text : '')).join(''));
      case 'quotes':
        return block.quotes.map((quote) => `“${quote.text}” — ${quote.source}${quote.dots === undefined ? '' : ` (${quote.dots})`}`);
      case 'table':
        return [block.caption, block.columns.join(' | '), ...block.rows.map((row) => row.join(' | '))];
      case 'weave':
        return [block.figure.caption];
    }
  });
}

describe('a gathering’s report', () => {
  it('is none for a gathering that does not exist', () => {
    const { doc } = reportProcess();
    expect(gatheringReport(doc, FACTS, 'gathering:nowhere', EXPORTED_AT)).toBeNull();
  });

  it('is titled by the gathering, with the workshop, place and day under it', () => {
    const document = report('nuuk');
    expect(document.kind).toBe('report');
    expect(document.title).toBe('Første samling');
    expect(document.subtitle).toBe('Vision for Sermersooq · Nuuk · 12. marts 2025 · Rapport · Eksporteret 2. april 2025');
    expect(document.labels.footnotes).toBe('Noter');
  });

  it('opens with the facilitator’s summary and the result against each report goal', () => {
    const document = report('nuuk');
    expect(wordsOf(under(document, 'Opsummering'))).toEqual(['Vi talte om fangst og havn.', `En borger skrev ${HOSTILE_LINK}`]);
    expect(wordsOf(under(document, 'Resultat i forhold til målene'))).toEqual([REPORT_GOALS[0], NUUK_FIRST_GOAL, REPORT_GOALS[1], 'Intet skrevet endnu.']);
    // Nothing written for Tasiilaq: no summary, each goal says so.
    const tasiilaq = report('tasiilaq');
    expect(headingTexts(tasiilaq)).not.toContain('Opsummering');
    expect(wordsOf(under(tasiilaq, 'Resultat i forhold til målene'))).toEqual([REPORT_GOALS[0], 'Intet skrevet endnu.', REPORT_GOALS[1], 'Intet skrevet endnu.']);
  });

  it('has no goals section for a workshop without report goals', () => {
    const document = report('nuuk', ({ doc }) => workshopOf(doc).delete(REPORT_GOALS_KEY));
    expect(headingTexts(document)).not.toContain('Resultat i forhold til målene');
    expect(headingTexts(document)).toContain('Opsummering');
  });

  it('gives each step its prompt and its notes under their stakeholder group, with their dots', () => {
    const document = report('nuuk');
    const headings = headingTexts(document);
    expect(headings.indexOf('Hvad er særligt i Nuuk?')).toBeLessThan(headings.indexOf('Hvad vil vi holde fast i?'));
    expect(wordsOf(under(document, 'Hvad er særligt i Nuuk?'))).toEqual([
      'Spørgsmål: Skriv en seddel',
      'Politiker (1)',
      '“Havnen skal udvides” — Politiker',
      'Borger (1)',
      '“Både til unge fangere” — Borger (3)',
    ]);
    expect(wordsOf(under(document, 'Hvad vil vi holde fast i?'))).toEqual(['Ingen sedler.']);
    // The note on the page outside every step's frame, marked as collected beforehand.
    expect(wordsOf(under(document, 'Andre sedler'))).toEqual(['Virksomhed (1)', '“Flere fly om vinteren” — Virksomhed, indsamlet på forhånd, Qaqortoq']);
    expect(headingTexts(report('tasiilaq'))).not.toContain('Andre sedler');
  });

  it('shows each revealed vote of the gathering as a table of dots per group', () => {
    const document = report('nuuk');
    const tables = under(document, 'Afstemninger');
    expect(tables).toEqual([
      {
        kind: 'table',
        caption: 'Afstemning: Vigtigst (2 har stemt)',
        columns: ['Seddel', 'Politiker', 'Borger', 'I alt'],
        rows: [
          ['Både til unge fangere', 1, 2, 3],
          ['Fælles garn', 0, 1, 1],
          [HOSTILE_IMAGE, 0, 0, 0],
        ],
      },
    ]);
    // The vote was opened in Nuuk: Tasiilaq's report has none.
    expect(headingTexts(report('tasiilaq'))).not.toContain('Afstemninger');
  });

  it('counts a vote on a step as its gathering’s, and leaves hidden notes out of the table', () => {
    const document = report('paamiut', ({ doc, ids }) => {
      const voteId = openVote(doc, { title: 'Paamiuts vigtigste', noteIds: [ids.link, ids.hidden], budget: 2, several: false, stepId: ids.paamiutStep }, 5_000);
      const ballots = [{ group: 'employee' as const, entries: [{ voteId, noteId: ids.hidden, dots: 1, gatheringId: ids.nuuk }, { voteId, noteId: ids.link, dots: 1, gatheringId: ids.nuuk }] }];
      writeTally(doc, voteId, tallyVote(voteOf(doc, voteId)!, ballots, 6_000));
    });
    expect(under(document, 'Afstemninger')).toEqual([
      { kind: 'table', caption: 'Afstemning: Paamiuts vigtigste (1 har stemt)', columns: ['Seddel', 'Medarbejder', 'I alt'], rows: [[HOSTILE_LINK, 1, 1]] },
    ]);
    expect(JSON.stringify(document)).not.toContain('Skjult seddel');
  });

  it('lists the threads the gathering touched, with status, its notes there and the learnings written there', () => {
    const nuuk = report('nuuk');
    expect(wordsOf(under(nuuk, 'Tråde'))).toEqual(['Hav og fangst', 'Status: Idé', 'Sedler fra samlingen', '“Både til unge fangere” — Borger (3)']);
    const tasiilaq = under(report('tasiilaq'), 'Tråde');
    const words = wordsOf(tasiilaq);
    expect(words).toContain('Boliger');
    expect(words).toContain(`“${HOSTILE_IMAGE}” — Borger`);
    expect(words).toContain('Erfaringer fra samlingen');
    expect(words.some((line) => /^Skolen vil være med \(\d+\. \p{L}+ \d{4}\)$/u.test(line))).toBe(true);
  });

  it('ends with the weave, counting no hidden note', () => {
    let paamiut = '';
    const document = report('paamiut', ({ ids }) => (paamiut = ids.paamiut));
    const weave = document.blocks.at(-1);
    expect(weave?.kind).toBe('weave');
    if (weave?.kind !== 'weave') return;
    expect(weave.figure.gatheringFacts[paamiut]).toBe('Paamiut · 20. marts 2025');
    const sea = weave.figure.weave.strands.find((strand) => strand.title === 'Hav og fangst');
    expect(sea?.stops.map((stop) => stop.notes)).toEqual([1, 2, 1]);
    expect(JSON.stringify(document)).not.toContain('Skjult seddel');
    expect(wordsOf(document.blocks)).toContain(`“${HOSTILE_LINK}” — Borger`);
  });

  it('as Markdown shows hostile text as text', () => {
    const markdown = renderMarkdown(report('nuuk'));
    expect(markdown).toContain('# Første samling');
    expect(markdown).toContain('En borger skrev \\[x\\](javascript:alert(1))');
    expect(markdown).toContain('| &lt;img src=x onerror=alert(1)&gt; | 0 | 0 | 0 |');
    expect(markdown).toContain('| Seddel | Politiker | Borger | I alt |');
    expect(markdown).not.toContain('<img');
    // A link needs an unescaped bracket before its address.
    expect(markdown).not.toMatch(/(^|[^\\])\]\(javascript/m);
  });

  it('speaks Swedish and English, and Greenlandic as Danish', () => {
    const swedish = report('nuuk', ({ doc }) => workshopOf(doc).set('language', 'sv'));
    expect(swedish.subtitle).toBe('Vision for Sermersooq · Nuuk · 12 mars 2025 · Rapport · Exporterad 2 april 2025');
    expect(headingTexts(swedish)).toEqual(expect.arrayContaining(['Sammanfattning', 'Resultat i förhållande till målen', 'Förtroendevald (1)', 'Medborgare (1)', 'Andra lappar', 'Omröstningar', 'Trådar', 'Flätningen']));
    expect(wordsOf(under(swedish, 'Resultat i förhållande till målen'))).toContain('Inget skrivet ännu.');
    expect(wordsOf(under(swedish, 'Omröstningar')).slice(0, 2)).toEqual(['Omröstning: Vigtigst (2 har röstat)', 'Lapp | Förtroendevald | Medborgare | Totalt']);
    expect(wordsOf(under(swedish, 'Andra lappar'))).toContain('“Flere fly om vinteren” — Näringsliv, insamlad i förväg, Qaqortoq');

    const english = report('nuuk', ({ doc }) => workshopOf(doc).set('language', 'en'));
    expect(english.subtitle).toBe('Vision for Sermersooq · Nuuk · 12 March 2025 · Report · Exported 2 April 2025');
    expect(headingTexts(english)).toEqual(expect.arrayContaining(['Summary', 'Result against the goals', 'Politician (1)', 'Citizen (1)', 'Other notes', 'Votes', 'Threads', 'The weave']));
    expect(wordsOf(under(english, 'Votes')).slice(0, 2)).toEqual(['Vote: Vigtigst (2 people voted)', 'Note | Politician | Citizen | Total']);
    expect(wordsOf(under(english, 'Threads'))).toContain('Status: Idea');
    expect(renderMarkdown(english)).toContain('“Både til unge fangere” — Citizen · 3 dots');

    const greenlandic = report('nuuk', ({ doc }) => workshopOf(doc).set('language', 'kl'));
    expect(headingTexts(greenlandic)).toContain('Opsummering');
  });
});
