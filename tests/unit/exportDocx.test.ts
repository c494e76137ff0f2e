import JSZip from 'jszip';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../server/export/docx';
import type { ExportDocument } from '../../shared/export/exportDocument';
import { gatheringReport, narrativeDocument } from '../../shared/export';
import { HOSTILE_TEXTS, sampleExportDocument } from '../helpers/sampleExportDocument';
import { exportProcess, FACTS, HOSTILE_IMAGE, HOSTILE_LINK, reportProcess } from './exportFixture';

let docx: Buffer;
let zip: JSZip;

beforeAll(async () => {
  docx = await renderDocx(sampleExportDocument());
  zip = await JSZip.loadAsync(docx);
});

const part = (name: string) => zip.file(name)!.async('string');

describe('the document as DOCX', () => {
  it('reads back with every word, hostile text as text, footnotes and table cells', async () => {
    const { value: text } = await mammoth.extractRawText({ buffer: docx });
    const sample = sampleExportDocument();

    expect(text).toContain(sample.title);
    expect(text).toContain('Grundfortælling · Eksporteret 1. december 2026');
    for (const hostile of HOSTILE_TEXTS) expect(text).toContain(hostile);
    expect(text).toContain('Kalaallit Nunaat: ĸ, æ, ø, å, ä, ö.');
    expect(text).toContain('Ingen sedler endnu.');
    expect(text).toContain('Formål: <script>alert(2)</script>');
    expect(text).toContain('“Både til unge fangere”');
    expect(text).toContain('— borger, Nuuk (Første samling, 12. marts 2025) · 3 prikker');
    expect(text).toContain('Skolen vil være med (16. marts 2025)');
    for (const cell of ['Seddel', 'Borgere', 'Politikere', 'I alt', 'Både til unge fangere', `Afstemning: Vigtigst ${HOSTILE_TEXTS[2]}`]) {
      expect(text).toContain(cell);
    }
    expect(text).toContain('Vævet: trådene gennem samlingerne og ind i grundfortællingen');
  });

  it('has Word headings for the navigation pane, real footnotes, a list, a table and the weave with its alt text', async () => {
    const { value: converted } = await mammoth.convertToHtml({ buffer: docx });
    // The picture's bytes say nothing here, and would drown a failure's message.
    const html = converted.replace(/base64,[^"]+/, 'base64,…');

    // Level 2 is Word's Heading 1, as the title has Word's Title style.
    expect(html).toContain('<h1>Hav og fangst</h1>');
    expect(html).toContain('<h1>Boliger ]]&gt;&lt;/w:t&gt;&lt;w:t&gt;injected</h1>');
    expect(html).toContain('<h2>Hav og fangst</h2>');
    expect(html).toContain('<h3>Erfaringer</h3>');
    expect(html).toMatch(/rundt\. <sup><a href="#footnote-1" id="footnote-ref-1">\[1\]<\/a><\/sup>/);
    for (const [index, footnote] of sampleExportDocument().footnotes.entries()) {
      expect(html).toContain(`<li id="footnote-${index + 1}"><p> ${footnote.text.replaceAll('<', '&lt;').replaceAll('>', '&gt;')} <a`);
    }
    expect(html).toContain('<strong>**fed** _kursiv_ # ikke en overskrift</strong>');
    expect(html).toContain('<ul><li>Skolen vil være med (16. marts 2025)</li><li>]]&gt;&lt;/w:t&gt;&lt;w:t&gt;injected</li></ul>');
    expect(html).toMatch(/<table>.*<p><strong>Politikere<\/strong><\/p>.*<p>&lt;img src=x onerror=alert\(1\)&gt;<\/p><\/td><td><p>1<\/p>/);
    expect(html).toContain('<img alt="Vævet: tråde gennem samlingerne" src="data:image/png;base64,…" />');
    expect(html).toContain('<p>Vævet: trådene gennem samlingerne og ind i grundfortællingen</p>');
    expect(html).toContain('<thead><tr><th><p><strong>Seddel</strong></p></th>');
    // Nothing a person wrote became a link or an image of its own.
    expect(html.match(/<a /g)?.length).toBe(6);
    expect(html.match(/<img /g)?.length).toBe(1);
  });

  it('writes user text only as escaped XML text: no injected run, field or link', async () => {
    const body = await part('word/document.xml');
    const footnotes = await part('word/footnotes.xml');

    expect(body).toContain(']]&gt;&lt;/w:t&gt;&lt;w:t&gt;injected');
    expect(body).not.toContain('<w:t>injected');
    expect(body).not.toMatch(/<w:t[^>]*>injected/);
    expect(body).not.toMatch(/<script|<img/);
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // A spreadsheet formula stays words: no HYPERLINK field, no hyperlink element.
    expect(body).not.toContain('<w:hyperlink');
    expect(body).not.toContain('<w:fldSimple');
    expect(body).not.toContain('<w:instrText');
    expect(footnotes).toContain('=HYPERLINK(&quot;http://example.invalid&quot;,&quot;klik&quot;)');
    expect(footnotes).not.toContain('<w:instrText');
    expect(await part('word/_rels/document.xml.rels')).not.toContain('TargetMode="External"');
  });

  it('is A4, numbers its pages "Side n", and carries its language and title', async () => {
    const body = await part('word/document.xml');
    expect(body).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const footer = await part('word/footer1.xml');
    expect(footer).toContain('>Side </w:t>');
    expect(footer).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
    const styles = await part('word/styles.xml');
    expect(styles).toContain('<w:lang w:val="da-DK"/>');
    // Word's navigation pane lists paragraphs by their outline level.
    for (const [level, outline] of [[1, 0], [2, 1], [3, 2]]) {
      expect(styles).toMatch(new RegExp(`w:styleId="Heading${level}"><w:name w:val="Heading ${level}"/>.*?<w:outlineLvl w:val="${outline}"/>.*?</w:style>`));
    }
    expect(await part('docProps/core.xml')).toContain('<dc:title>Vision for Sermersooq &lt;script&gt;alert(2)&lt;/script&gt;</dc:title>');
  });

  it('speaks the workshop’s language: Swedish pages are "Sida n", spelled in sv-SE', async () => {
    const swedish = await renderDocx({ ...sampleExportDocument(), language: 'sv', labels: { footnotes: 'Fotnoter', page: 'Sida', weaveDescription: 'Väven' } });
    const swedishZip = await JSZip.loadAsync(swedish);
    expect(await swedishZip.file('word/footer1.xml')!.async('string')).toContain('>Sida </w:t>');
    expect(await swedishZip.file('word/styles.xml')!.async('string')).toContain('<w:lang w:val="sv-SE"/>');
  });

  it('keeps a file Word opens from odd text and empty blocks: line breaks, characters XML cannot hold, a mark again or with no note', async () => {
    const odd: ExportDocument = {
      ...sampleExportDocument(),
      title: 'Titel\ufffe med \u0001tegn',
      footnotes: [{ text: 'Den eneste note' }],
      blocks: [
        { kind: 'paragraph', content: [{ text: 'Første linje\nAnden linje\u000b' }, { footnote: 1 }, { footnote: 7 }] },
        { kind: 'paragraph', content: [{ text: 'Samme note igen' }, { footnote: 1 }] },
        { kind: 'paragraph', content: [] },
        { kind: 'list', items: [] },
        { kind: 'quotes', quotes: [] },
        { kind: 'fields', fields: [] },
        { kind: 'table', caption: 'Tom', columns: ['Seddel', 'I alt'], rows: [] },
      ],
    };
    const oddZip = await JSZip.loadAsync(await renderDocx(odd));
    const body = await oddZip.file('word/document.xml')!.async('string');
    const core = await oddZip.file('docProps/core.xml')!.async('string');

    expect(body + core).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    expect(body).toContain('>Første linje</w:t></w:r><w:r><w:br/><w:t xml:space="preserve">Anden linje</w:t>');
    // One reference to each note that is there; a mark again, or one without a note, is a raised number.
    expect([...body.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((match) => match[1])).toEqual(['1']);
    expect(body).toContain('<w:rStyle w:val="FootnoteReference"/></w:rPr><w:t xml:space="preserve">,</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:t xml:space="preserve">7</w:t>');
    expect(body).toContain('Samme note igen</w:t></w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:t xml:space="preserve">1</w:t>');
    expect(core).toContain('<dc:title>Titel med tegn</dc:title>');
  });
});

describe('the fixture process as DOCX', () => {
  const exportedAt = Date.UTC(2025, 3, 2, 12);

  it('holds the narrative with its provenance in footnotes and sources, hostile notes as text, hidden notes left out', async () => {
    const { doc } = exportProcess();
    const file = await renderDocx(narrativeDocument(doc, FACTS, exportedAt));
    const { value: text } = await mammoth.extractRawText({ buffer: file });
    const { value: html } = await mammoth.convertToHtml({ buffer: file });

    expect(text).toContain('Fangst binder byerne sammen. “Både til unge fangere”');
    expect(html).toContain('<h1>Kilder</h1>');
    expect(html).toContain('Hav og fangst: “Både til unge fangere” — Borger, Nuuk (Første samling, 12. marts 2025)');
    expect(text).toContain('— Politiker, Tasiilaq (Anden samling, 16. marts 2025) · 1 prik');
    expect(text).toContain(`“${HOSTILE_IMAGE}”`);
    expect(text).toContain(`“${HOSTILE_LINK}”`);
    expect(text).not.toContain('Skjult seddel');
  });

  it('holds a gathering’s report: summary, goals, notes by group, the vote as a table', async () => {
    const { doc, ids } = reportProcess();
    const file = await renderDocx(gatheringReport(doc, FACTS, ids.nuuk, exportedAt)!);
    const { value: html } = await mammoth.convertToHtml({ buffer: file });

    expect(html).toContain('<h1>Opsummering</h1><p>Vi talte om fangst og havn.</p><p>En borger skrev [x](javascript:alert(1))</p>');
    expect(html).toContain('<h2>Tydelig rollefordeling</h2><p>Rollerne er tydeligere efter samlingen.</p>');
    expect(html).toContain('<h2>Politiker (1)</h2><p>“Havnen skal udvides”</p>');
    expect(html).toContain('<p>Afstemning: Vigtigst (2 har stemt)</p><table>');
    expect(html).toContain('<tr><td><p>Både til unge fangere</p></td><td><p>1</p></td><td><p>2</p></td><td><p>3</p></td></tr>');
    expect(html).toContain('<td><p>&lt;img src=x onerror=alert(1)&gt;</p></td>');
  });

  it('writes its line height as a proportion and its tables as fixed, so LibreOffice neither clips the weave nor narrows the notes', async () => {
    // Without the rule LibreOffice takes 276 twentieths as an exact height: a picture in such
    // a line is cut to 14 pt and a title of two lines is drawn over itself.
    const styles = await part('word/styles.xml');
    for (const spacing of styles.match(/<w:spacing [^>]*w:line="[^"]*"[^>]*>/g) ?? []) expect(spacing).toMatch(/w:lineRule="auto"/);
    expect(styles).toMatch(/w:line="276"/);
    const body = await part('word/document.xml');
    expect(body).toContain('<w:tblLayout w:type="fixed"/>');
  });
});

