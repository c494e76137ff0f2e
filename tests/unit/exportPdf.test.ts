import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block, ExportDocument } from '../../shared/export/exportDocument';
import { renderPdf } from '../../server/export/pdf';
import { gatheringReport, narrativeDocument } from '../../shared/export';
import { HOSTILE_TEXTS, sampleExportDocument } from '../helpers/sampleExportDocument';
import { exportProcess, FACTS, HOSTILE_IMAGE, HOSTILE_LINK, reportProcess } from './exportFixture';

// The PDF is read back with poppler (pdftotext, pdfinfo), as a person's viewer would show it.
const directory = mkdtempSync(join(tmpdir(), 'flet-pdf-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

let written = 0;
function save(pdf: Buffer): string {
  const path = join(directory, `document-${++written}.pdf`);
  writeFileSync(path, pdf);
  return path;
}

/** The words on a page (or all pages), with line breaks and runs of spaces as single spaces. */
function textOf(path: string, page?: number): string {
  const pages = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', [...pages, '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** Each page's words, from one reading of the file (pdftotext ends each page with a form feed). */
function pagesOf(path: string): string[] {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' })
    .split('\f')
    .slice(0, -1)
    .map((page) => page.replace(/\s+/g, ' '));
}

function pageCount(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
}

let sample: string;
let bytes: Buffer;

beforeAll(async () => {
  bytes = await renderPdf(sampleExportDocument());
  sample = save(bytes);
});

describe('the document as PDF', () => {
  it('reads back with every word, hostile text as text, Danish and Greenlandic letters, on more than one page', () => {
    const text = textOf(sample);
    const document = sampleExportDocument();

    expect(text).toContain(document.title);
    expect(text).toContain('Grundfortælling · Eksporteret 1. december 2026');
    for (const hostile of HOSTILE_TEXTS) expect(text).toContain(hostile);
    expect(text).toContain('Kalaallit Nunaat: ĸ, æ, ø, å, ä, ö.');
    expect(text).toContain('Formål: <script>alert(2)</script>');
    expect(text).toContain('“Både til unge fangere” — borger, Nuuk (Første samling, 12. marts 2025) · 3 prikker');
    expect(text).toContain('Seddel Borgere Politikere I alt');
    expect(text).toContain('Både til unge fangere 2 1 3');
    expect(text).toContain('Vævet: trådene gennem samlingerne og ind i grundfortællingen');
    expect(pageCount(sample)).toBeGreaterThan(1);
  });

  it('puts each footnote at the foot of the page its number is on, and numbers the pages', () => {
    const first = textOf(sample, 1);
    const document = sampleExportDocument();

    // The marks follow their words as superscript numbers.
    expect(first).toContain('mødes året rundt. 1 Og så sagde en borger: “<img src=x onerror=alert(1)>”2');
    expect(first).toContain('ĸ, æ, ø, å, ä, ö.3');
    for (const footnote of document.footnotes) expect(first).toContain(footnote.text);
    expect(first).toContain('Side 1');
    expect(textOf(sample, 2)).toContain('Side 2');
    expect(textOf(sample, 2)).not.toContain('Hav og fangst: “Både');
  });

  it('carries its title and language, and holds no link, action, script or attachment', () => {
    const info = execFileSync('pdfinfo', [sample], { encoding: 'utf8' });
    expect(info).toMatch(/^Title:\s+Vision for Sermersooq <script>alert\(2\)<\/script>$/m);
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
    const raw = bytes.toString('latin1');
    expect(raw).toContain('/Lang (da-DK)');
    for (const forbidden of ['/Annot', '/URI', '/JavaScript', '/JS', '/Launch', '/EmbeddedFile', '/AcroForm', '/OpenAction']) {
      expect(raw).not.toContain(forbidden);
    }
    // The weave is in it as a picture.
    expect(raw).toMatch(/\/Subtype \/Image/);
  });

  it('never leaves a heading alone at the foot of a page', { timeout: 30_000 }, async () => {
    // Text in steps of one line, with and without a remark before it that shifts it by half a
    // line, so the heading lands on every height near the first page's foot in one of the documents.
    for (const shifted of [false, true]) {
      for (let lines = 36; lines <= 46; lines++) {
        const blocks: Block[] = [
          ...(shifted ? [{ kind: 'remark' as const, text: 'En bemærkning.' }] : []),
          { kind: 'fields', fields: Array.from({ length: lines }, (_, index) => ({ label: `Felt ${index + 1}`, value: 'en kort værdi' })) },
          { kind: 'heading', level: 2, text: 'Overskriften her' },
          { kind: 'paragraph', content: [{ text: 'Teksten under overskriften. '.repeat(12) }] },
        ];
        const pages = pagesOf(save(await renderPdf({ ...sampleExportDocument(), footnotes: [], blocks })));
        const page = pages.find((text) => text.includes('Overskriften her'));
        expect(page).toContain('Overskriften her Teksten under overskriften. Teksten under');
      }
    }
  });

  it('never leaves a paragraph’s first or last line alone on a page', { timeout: 30_000 }, async () => {
    const words = Array.from({ length: 90 }, (_, index) => `ord${index + 1}`).join(' ');
    for (const shifted of [false, true]) {
      for (let lines = 36; lines <= 46; lines++) {
        const blocks: Block[] = [
          ...(shifted ? [{ kind: 'remark' as const, text: 'En bemærkning.' }] : []),
          { kind: 'fields', fields: Array.from({ length: lines }, (_, index) => ({ label: `Felt ${index + 1}`, value: 'en kort værdi' })) },
          { kind: 'paragraph', content: [{ text: words }] },
        ];
        const path = save(await renderPdf({ ...sampleExportDocument(), footnotes: [], blocks }));
        const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
        for (const page of pages) {
          const paragraphLines = page.split('\n').filter((line) => /\bord\d+/.test(line));
          if (paragraphLines.length > 0) expect(paragraphLines.length).toBeGreaterThanOrEqual(2);
        }
      }
    }
  });

  it('repeats a long table’s header row on each page it runs onto', async () => {
    const rows = Array.from({ length: 90 }, (_, index) => [`Seddel nummer ${index + 1}`, index, 1, index + 1]);
    const document: ExportDocument = {
      ...sampleExportDocument(),
      footnotes: [],
      blocks: [{ kind: 'table', caption: 'Afstemning', columns: ['Seddel', 'Borgere', 'Politikere', 'I alt'], rows }],
    };
    const path = save(await renderPdf(document));
    expect(pageCount(path)).toBeGreaterThan(1);
    for (let page = 1; page <= pageCount(path); page++) expect(textOf(path, page)).toContain('Seddel Borgere Politikere I alt');
    const text = textOf(path);
    for (const row of rows) expect(text).toContain(`${row[0]} ${row[1]} 1 ${row[3]}`);
  });

  it('lists footnotes no mark refers to at the end, under the document’s word for notes', async () => {
    const document: ExportDocument = {
      ...sampleExportDocument(),
      footnotes: [{ text: 'En note uden mærke' }],
      blocks: [{ kind: 'paragraph', content: [{ text: 'Kort tekst.' }] }],
    };
    const text = textOf(save(await renderPdf(document)));
    expect(text).toContain('Kort tekst. Noter 1 En note uden mærke');
  });

  it('speaks Swedish: "Sida n", language sv-SE', async () => {
    const swedish = await renderPdf({ ...sampleExportDocument(), language: 'sv', labels: { footnotes: 'Fotnoter', page: 'Sida', weaveDescription: 'Väven' } });
    expect(textOf(save(swedish), 1)).toContain('Sida 1');
    expect(swedish.toString('latin1')).toContain('/Lang (sv-SE)');
  });

  it('draws odd text and empty blocks: line breaks, control characters, a mark with no note, a word wider than the page', async () => {
    const long = `https://example.invalid/${'a'.repeat(160)}`;
    const document: ExportDocument = {
      ...sampleExportDocument(),
      footnotes: [{ text: 'Den eneste note' }],
      blocks: [
        { kind: 'paragraph', content: [{ text: 'Første linje\nAnden\u0001linje' }, { footnote: 1 }, { footnote: 7 }] },
        { kind: 'paragraph', content: [] },
        { kind: 'list', items: [] },
        { kind: 'quotes', quotes: [] },
        { kind: 'fields', fields: [] },
        { kind: 'table', caption: 'Tom', columns: ['Seddel', 'I alt'], rows: [] },
        { kind: 'paragraph', content: [{ text: long }] },
      ],
    };
    const path = save(await renderPdf(document));
    const lines = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).split('\n');
    expect(lines).toContain('Første linje');
    // Two marks in a row are parted by a raised comma.
    expect(lines).toContain('Anden linje1,7');
    expect(lines.join('')).toContain(long);
    expect(textOf(path)).toContain('Tom Seddel I alt');
    expect(textOf(path)).toContain('1 Den eneste note');
  });
});

describe('the fixture process as PDF', () => {
  const exportedAt = Date.UTC(2025, 3, 2, 12);

  it('holds the narrative with its provenance at the foot of the page and in the sources, hostile notes as text', async () => {
    const { doc } = exportProcess();
    const text = textOf(save(await renderPdf(narrativeDocument(doc, FACTS, exportedAt))));

    expect(text).toContain('Fangst binder byerne sammen. “Både til unge fangere”1');
    expect(text).toContain('1 Hav og fangst: “Både til unge fangere” — Borger, Nuuk (Første samling, 12. marts 2025) Side 1');
    expect(text).toContain('Kilder');
    expect(text).toContain('“Fælles garn” — Politiker, Tasiilaq (Anden samling, 16. marts 2025) · 1 prik');
    expect(text).toContain(`“${HOSTILE_IMAGE}”`);
    expect(text).toContain(`“${HOSTILE_LINK}”`);
    expect(text).not.toContain('Skjult seddel');
  });

  it('holds a gathering’s report: summary, goals, notes by group, the vote as a table', async () => {
    const { doc, ids } = reportProcess();
    const text = textOf(save(await renderPdf(gatheringReport(doc, FACTS, ids.nuuk, exportedAt)!)));

    expect(text).toContain('Opsummering Vi talte om fangst og havn. En borger skrev [x](javascript:alert(1))');
    expect(text).toContain('Tydelig rollefordeling Rollerne er tydeligere efter samlingen.');
    expect(text).toContain('Politiker (1) “Havnen skal udvides” — Politiker');
    expect(text).toContain('Afstemning: Vigtigst (2 har stemt) Seddel Politiker Borger I alt Både til unge fangere 1 2 3');
    expect(text).toContain(`${HOSTILE_IMAGE} 0 0 0`);
  });
});

