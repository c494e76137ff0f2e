/**
 * The style sheet of an exported HTML document: a quiet reading column on screen, and A4
 * pages on paper with the title and page number in the margins.
 */

const SERIF = "Charter, 'Bitstream Charter', 'Sitka Text', Cambria, Georgia, 'DejaVu Serif', serif";
const SANS = "system-ui, 'Segoe UI', 'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";

/**
 * `text` as a CSS string literal. Every character but letters, digits and spaces becomes a
 * hexadecimal escape, so no word of a title can end the string, the rule or the style element.
 */
export function cssString(text: string): string {
  const escaped = Array.from(text, (character) =>
    /^[\p{L}\p{N} ]$/u.test(character) ? character : `\\${character.codePointAt(0)!.toString(16)} `,
  ).join('');
  return `"${escaped}"`;
}

const SCREEN = `
:root {
  color-scheme: light;
  --ink: #1d1d1f;
  --muted: #555b63;
  --rule: #d5d8dc;
  --accent: #1f5f8b;
  --tint: #f4f6f8;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  background: #fff;
  color: var(--ink);
  font-family: ${SERIF};
  font-size: 1.0625rem;
  line-height: 1.6;
  overflow-wrap: break-word;
  hyphens: auto;
}
main { max-width: 44rem; margin: 0 auto; padding: 3rem 1.5rem 4rem; }
header { margin-bottom: 2.5rem; padding-bottom: 1.25rem; border-bottom: 2px solid var(--ink); }
h1, h2, h3, h4, caption, figcaption, .subtitle, .source, dt, th, .notes-heading {
  font-family: ${SANS};
}
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 0.5rem; letter-spacing: -0.01em; }
.subtitle { margin: 0; color: var(--muted); font-size: 1rem; }
h2 { font-size: 1.45rem; line-height: 1.25; margin: 2.5rem 0 0.75rem; }
h3 { font-size: 1.2rem; line-height: 1.3; margin: 2rem 0 0.5rem; }
h4 { font-size: 1rem; line-height: 1.3; margin: 1.5rem 0 0.5rem; text-transform: none; color: var(--muted); }
p { margin: 0 0 1rem; }
a { color: var(--accent); }
a:focus-visible, .drawing:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; border-radius: 2px; }
.remark { color: var(--muted); font-style: italic; }
sup.mark { line-height: 0; font-size: 0.72em; font-family: ${SANS}; margin-left: 0.1em; }
sup.mark a { text-decoration: none; padding: 0 0.15em; font-weight: 600; }
sup.mark a:hover { text-decoration: underline; }
dl.fields { display: grid; grid-template-columns: max-content minmax(0, 1fr); align-items: baseline; gap: 0.35rem 1.25rem; margin: 0 0 1.25rem; }
dl.fields > div { display: contents; }
dl.fields dt { font-weight: 600; font-size: 0.95rem; }
dl.fields dd { margin: 0; }
ul.items { margin: 0 0 1.25rem; padding-left: 1.4rem; }
ul.items li { margin: 0 0 0.35rem; }
.quotes { margin: 0 0 1.5rem; }
figure.quote { margin: 0 0 1rem; padding: 0.6rem 1rem 0.6rem 1.1rem; border-left: 3px solid var(--accent); background: var(--tint); }
figure.quote blockquote { margin: 0; font-size: 1.05rem; }
figure.quote blockquote p { margin: 0; }
figure.quote figcaption { margin-top: 0.35rem; color: var(--muted); font-size: 0.9rem; }
.dots { white-space: nowrap; margin-left: 0.5rem; color: var(--ink); font-weight: 600; }
.dots span[aria-hidden] { color: var(--accent); letter-spacing: 0.05em; }
.table-frame { overflow-x: auto; margin: 0 0 1.5rem; }
.table-frame:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
table { width: 100%; border-collapse: collapse; font-size: 0.95rem; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.5rem; caption-side: top; }
th, td { padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); font-size: 0.85rem; }
tbody th { font-weight: normal; font-family: ${SERIF}; }
/* The row's name is what is read; the numbers beside it take only the room they need. */
thead th:first-child, tbody th { min-width: 11rem; }
th.number, td.number { width: 1%; white-space: nowrap; }
/* A long word in a note or a caption wraps rather than pushing the table past the page. */
caption, tbody th, td { overflow-wrap: anywhere; }
.number { text-align: right; font-variant-numeric: tabular-nums; }
figure.weave { margin: 2rem 0; }
figure.weave .drawing { border: 1px solid var(--rule); border-radius: 4px; padding: 0.5rem; background: #fff; overflow-x: auto; }
figure.weave svg { display: block; width: 100%; height: auto; max-width: 100%; }
figure.weave figcaption { margin-top: 0.5rem; color: var(--muted); font-size: 0.9rem; }
.notes { margin-top: 3.5rem; padding-top: 1rem; border-top: 1px solid var(--rule); font-size: 0.92rem; }
.notes h2 { font-size: 1.15rem; margin-top: 0; }
.notes ol { list-style: none; margin: 0; padding: 0; }
.notes li { display: grid; grid-template-columns: 2.25rem minmax(0, 1fr); margin: 0 0 0.5rem; }
.notes li:target { background: #fff6d6; }
.notes .number-link { font-family: ${SANS}; font-weight: 600; text-decoration: none; }
@media (max-width: 34rem) {
  body { font-size: 1rem; }
  main { padding: 1.5rem 1rem 3rem; }
  h1 { font-size: 1.6rem; }
  h2 { font-size: 1.3rem; }
  dl.fields { grid-template-columns: 1fr; gap: 0; }
  dl.fields dd { margin-bottom: 0.5rem; }
  th, td { padding: 0.35rem 0.4rem; }
  thead th:first-child, tbody th { min-width: 8rem; }
  /* A caption as wide as a table that scrolls would run out of sight: it stays in view. */
  caption > span { display: block; position: sticky; left: 0; max-width: calc(100vw - 2rem); }
  /* Shrunk to a phone's width the weave's words would be too small to read. */
  figure.weave svg { width: 40rem; max-width: none; }
}
`;

const PRINT = `
@media print {
  /* 11 pt text; sizes in rem follow it. */
  html { font-size: 11pt; }
  body { font-size: 1rem; line-height: 1.45; }
  main { max-width: none; padding: 0; margin: 0; }
  header { margin-bottom: 8mm; }
  h1 { font-size: 20pt; }
  h2 { font-size: 14pt; margin-top: 8mm; }
  h3 { font-size: 12pt; }
  h4 { font-size: 11pt; }
  a { color: inherit; }
  sup.mark a { color: var(--accent); }
  h1, h2, h3, h4, caption { break-after: avoid; page-break-after: avoid; }
  .table-frame { overflow: visible; }
  figure, blockquote, table, tr, dl.fields, .notes li { break-inside: avoid; page-break-inside: avoid; }
  p, li { orphans: 3; widows: 3; }
  figure.quote { background: none; border-left-color: #777; padding: 1.5mm 0 1.5mm 4mm; margin-bottom: 3mm; }
  .notes li:target { background: none; }
  table, figure.weave .drawing { box-shadow: none; }
}
`;

/** The page's style: screen and print, with `title` and the word for "page" in the print margins. */
export function documentStyle(title: string, pageLabel: string): string {
  const page = `
@page {
  size: A4;
  margin: 20mm 18mm 22mm;
  @bottom-left { content: ${cssString(title)}; font-family: ${SANS}; font-size: 8pt; color: #666; }
  @bottom-right { content: ${cssString(`${pageLabel} `)} counter(page) " / " counter(pages); font-family: ${SANS}; font-size: 8pt; color: #666; }
}
`;
  return `${SCREEN}${PRINT}${page}`;
}
