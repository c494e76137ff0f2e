import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportDocument } from '../../shared/export/exportDocument';
import { renderHtml } from '../../server/export/html';
import { cssString } from '../../server/export/htmlStyle';
import { HOSTILE_TEXTS, sampleExportDocument } from '../helpers/sampleExportDocument';

const windows: Window[] = [];
afterEach(async () => {
  for (const window of windows.splice(0)) await window.happyDOM.close();
});

/** The page as a browser parses it, with scripts and every load switched off. */
function parse(html: string): Document {
  const window = new Window({
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true },
  });
  windows.push(window);
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** Text as a reader sees it: runs of white space are one space. */
const words = (node: Node | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('the document as an HTML page', () => {
  it('is one self-contained page in the document’s language: doctype, charset, title, inline style, nothing to fetch', () => {
    const html = renderHtml(sampleExportDocument());
    const page = parse(html);

    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(page.documentElement.getAttribute('lang')).toBe('da');
    expect(page.querySelector('meta[charset]')?.getAttribute('charset')?.toLowerCase()).toBe('utf-8');
    expect(page.title).toBe(`Vision for Sermersooq ${HOSTILE_TEXTS[3]}`);
    expect(page.querySelectorAll('style')).toHaveLength(1);
    expect(page.querySelector('style')?.textContent).toContain('size: A4');
    expect(page.querySelectorAll('link, iframe, object, embed, base, form')).toHaveLength(0);
    for (const element of Array.from(page.querySelectorAll('[src], [href]'))) {
      expect(element.getAttribute('href') ?? element.getAttribute('src')).toMatch(/^#[\w-]+$/);
    }
    const policy = page.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
    expect(policy).toContain("default-src 'none'");
  });

  it('shows every hostile text as text: no script, no image, no handler, no javascript: link', () => {
    const page = parse(renderHtml(sampleExportDocument()));

    expect(page.querySelectorAll('script')).toHaveLength(0);
    expect(page.querySelectorAll('img')).toHaveLength(0);
    const handlers = Array.from(page.querySelectorAll('*')).flatMap((element) =>
      Array.from(element.attributes)
        .filter((attribute) => attribute.name.toLowerCase().startsWith('on'))
        .map((attribute) => `${element.tagName} ${attribute.name}`),
    );
    expect(handlers).toEqual([]);
    for (const link of Array.from(page.querySelectorAll('a'))) expect(link.getAttribute('href') ?? '').not.toMatch(/javascript:/i);

    const text = words(page.body);
    for (const hostile of HOSTILE_TEXTS) expect(text).toContain(hostile);
    expect(words(page.querySelector('h1'))).toBe(`Vision for Sermersooq ${HOSTILE_TEXTS[3]}`);
    // The Markdown stays literal: no emphasis or heading is made of it.
    expect(words(page.querySelector('p strong'))).toBe(HOSTILE_TEXTS[5]);
    expect(page.querySelectorAll('em, h2 + h1')).toHaveLength(0);
    // The weave's titles are words of the drawing too, not elements of the page.
    const drawing = page.querySelector('figure svg');
    expect(words(drawing)).toContain('Boliger <b>nu</b>');
    expect(words(drawing)).toContain('onerror=alert(1)>');
    expect(page.querySelectorAll('b, svg img, svg script, foreignObject')).toHaveLength(0);
  });

  it('keeps a title that tries to close the style sheet inside it', () => {
    const document: ExportDocument = { ...sampleExportDocument(), title: '</style><script>alert(3)</script>"; } body { display: none' };
    const html = renderHtml(document);
    const page = parse(html);

    expect(page.querySelectorAll('script')).toHaveLength(0);
    expect(page.querySelectorAll('style')).toHaveLength(1);
    expect(page.querySelector('style')?.textContent).not.toMatch(/<\/style|<script|display: none/i);
    expect(words(page.querySelector('h1'))).toBe(document.title);
    expect(cssString('a"b\\c</style>\nd')).toBe('"a\\22 b\\5c c\\3c \\2f style\\3e \\a d"');
  });

  it('numbers the footnotes and links each mark to its note and each note back', () => {
    const document = sampleExportDocument();
    const page = parse(renderHtml(document));

    const marks = Array.from(page.querySelectorAll('sup a'));
    expect(marks.map((mark) => words(mark))).toEqual(['1', '2', '3']);
    expect(marks.map((mark) => mark.getAttribute('href'))).toEqual(['#note-1', '#note-2', '#note-3']);

    const heading = page.querySelector('#notes-heading');
    expect(words(heading)).toBe('Noter');
    const notes = Array.from(page.querySelectorAll('section[aria-labelledby="notes-heading"] ol > li'));
    expect(notes).toHaveLength(3);
    notes.forEach((note, index) => {
      const number = index + 1;
      expect(note.id).toBe(`note-${number}`);
      expect(words(note)).toBe(`${number} ${document.footnotes[index].text}`.replace(/\s+/g, ' '));
      const back = note.querySelector('a');
      expect(words(back)).toBe(String(number));
      const target = page.getElementById(back!.getAttribute('href')!.slice(1));
      expect(target).toBe(marks[index]);
    });
  });

  it('gives each mark of a note referred to twice its own id, and leaves out a mark that names no note', () => {
    const document = sampleExportDocument();
    document.blocks = [
      { kind: 'paragraph', content: [{ text: 'Først' }, { footnote: 1 }] },
      { kind: 'list', items: [[{ text: 'Igen' }, { footnote: 1 }], [{ text: 'Ingen' }, { footnote: 9 }]] },
    ];
    const page = parse(renderHtml(document));

    const marks = Array.from(page.querySelectorAll('sup a'));
    expect(marks.map((mark) => mark.id)).toEqual(['ref-1', 'ref-1-2']);
    expect(marks.every((mark) => mark.getAttribute('href') === '#note-1')).toBe(true);
    expect(Array.from(page.querySelectorAll('ul > li')).map(words)).toEqual(['Igen1', 'Ingen']);
  });

  it('lays out every kind of block as the HTML made for it', () => {
    const page = parse(renderHtml(sampleExportDocument()));

    expect(Array.from(page.querySelectorAll('h2, h3, h4')).map((heading) => `${heading.tagName} ${words(heading)}`)).toEqual([
      'H2 Hav og fangst',
      `H2 Boliger ${HOSTILE_TEXTS[4]}`,
      'H2 Kilder',
      'H3 Hav og fangst',
      'H4 Erfaringer',
      'H2 Noter',
    ]);
    expect(words(page.querySelector('.subtitle'))).toBe('Grundfortælling · Eksporteret 1. december 2026');
    expect(words(page.querySelector('.remark'))).toBe('Ingen sedler endnu.');
    expect(Array.from(page.querySelectorAll('dl dt')).map(words)).toEqual(['Formål', 'Mål']);
    expect(Array.from(page.querySelectorAll('dl dd')).map(words)).toEqual([HOSTILE_TEXTS[3], 'Flere unge fangere']);
    expect(Array.from(page.querySelectorAll('ul > li')).map(words)).toEqual(['Skolen vil være med (16. marts 2025)', HOSTILE_TEXTS[4]]);

    const quotes = Array.from(page.querySelectorAll('figure blockquote'));
    expect(quotes.map(words)).toEqual(['Både til unge fangere', HOSTILE_TEXTS[0]]);
    expect(words(quotes[0].parentElement!.querySelector('figcaption'))).toBe('— borger, Nuuk (Første samling, 12. marts 2025) ●●● 3 prikker');
    expect(words(quotes[1].parentElement!.querySelector('figcaption'))).toBe(`— borger, ${HOSTILE_TEXTS[1]}`);

    const weave = page.querySelector('figure [role="img"]');
    expect(weave?.getAttribute('aria-label')).toBe('Vævet: tråde gennem samlingerne');
    expect(weave?.querySelector('svg')).not.toBeNull();
    expect(words(weave!.closest('figure')!.querySelector('figcaption'))).toBe('Vævet: trådene gennem samlingerne og ind i grundfortællingen');
  });

  it('makes the table a real table: its caption, column headers and row headers', () => {
    const page = parse(renderHtml(sampleExportDocument()));
    const table = page.querySelector('table')!;

    expect(words(table.querySelector('caption'))).toBe(`Afstemning: Vigtigst ${HOSTILE_TEXTS[2]}`);
    const columns = Array.from(table.querySelectorAll('thead th'));
    expect(columns.map(words)).toEqual(['Seddel', 'Borgere', 'Politikere', 'I alt']);
    expect(columns.every((column) => column.getAttribute('scope') === 'col')).toBe(true);
    const rows = Array.from(table.querySelectorAll('tbody tr'));
    expect(rows.map((row) => words(row.querySelector('th[scope="row"]')))).toEqual(['Både til unge fangere', HOSTILE_TEXTS[0]]);
    expect(Array.from(rows[0].querySelectorAll('td')).map(words)).toEqual(['2', '1', '3']);
    // The frame that scrolls a wide table on a phone is named by the table's caption.
    const frame = table.parentElement!;
    expect(frame.getAttribute('role')).toBe('region');
    expect(frame.getAttribute('aria-labelledby')).toBe(table.querySelector('caption')!.id);
  });

  it('speaks the document’s language in its lang attribute and its print margin', () => {
    for (const [language, page] of [['sv', 'Sida'], ['en', 'Page'], ['kl', 'Side']] as const) {
      const document: ExportDocument = { ...sampleExportDocument(), language, labels: { ...sampleExportDocument().labels, page } };
      const parsed = parse(renderHtml(document));
      expect(parsed.documentElement.getAttribute('lang')).toBe(language);
      expect(parsed.querySelector('style')?.textContent).toContain(`content: ${cssString(`${page} `)} counter(page)`);
    }
  });

  it('leaves out the notes section when there are no footnotes', () => {
    const document: ExportDocument = { ...sampleExportDocument(), footnotes: [], blocks: [{ kind: 'paragraph', content: [{ text: 'Kort' }, { footnote: 1 }] }] };
    const page = parse(renderHtml(document));

    expect(page.querySelector('#notes-heading')).toBeNull();
    expect(page.querySelectorAll('sup')).toHaveLength(0);
    expect(words(page.querySelector('main p:not(.subtitle)'))).toBe('Kort');
  });
});
