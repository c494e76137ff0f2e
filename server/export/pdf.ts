import PDFDocument from 'pdfkit';
import type { Language } from '../../shared/domain/languages';
import type { ExportDocument } from '../../shared/export/exportDocument';
import { exportWords } from '../../shared/export/exportWords';
import { BODY_LINE, layBlock } from './pdfBlocks';
import { fontBytes } from './fonts';
import { COLORS, FOOTNOTE_STYLE, PAGE, Pager, TEXT_WIDTH, type LaidBlock } from './pdfPager';
import type { TextStyle } from './pdfText';

/** A Greenlandic workshop's exports are in Danish. */
const PDF_LANGUAGE: Record<Language, string> = { da: 'da-DK', sv: 'sv-SE', en: 'en-GB', kl: 'da-DK' };

const TITLE: TextStyle = { font: 'bold', size: 22, color: COLORS.heading };
const SUBTITLE: TextStyle = { font: 'regular', size: 11.5, color: COLORS.muted };
const END_HEADING: TextStyle = { font: 'bold', size: 15, color: COLORS.heading };

/**
 * The document as a PDF on A4, drawn in Node from data alone.
 *
 * Locked down, because every string in the document may come from anyone in the room:
 * pdfkit reads a file or fetches nothing unless a string asks it to (`doc.image(path)`,
 * `doc.font(path)`, `registerFont(name, path)`, `registerFile`, `doc.file()` attachments), and
 * builds actions from `link`/`goTo`/`destination` options and annotations. So fonts are
 * registered from our own bytes (fonts.ts) under fixed names, the weave is a PNG buffer we
 * drew, user text only ever reaches `text()` as the string to draw, with options we set,
 * and no link, annotation, form, attachment or outline is made. The PDF/A `subset` option
 * is left off too: pdfkit writes the title into its XMP metadata without escaping it.
 */
export async function renderPdf(document: ExportDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
    bufferPages: true,
    lang: PDF_LANGUAGE[document.language],
    displayTitle: true,
    info: { Title: document.title, Subject: document.subtitle, Creator: 'Flet', Producer: 'Flet' },
  });
  const fonts = fontBytes();
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.registerFont('italic', fonts.italic);

  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const pager = new Pager(
    doc,
    document.footnotes.map((footnote) => footnote.text),
  );
  drawTitle(pager, document);
  const words = exportWords(document.language);
  const laid = document.blocks.map((block) => layBlock(pager, block, words));
  drawBlocks(laid);
  drawUnplacedFootnotes(pager, document.labels.footnotes);
  pager.finish(document.labels.page);
  doc.end();
  return finished;
}

function drawTitle(pager: Pager, document: ExportDocument): void {
  pager.lines(pager.wrap([{ text: document.title, style: TITLE }], 27));
  pager.y += 4;
  pager.lines(pager.wrap([{ text: document.subtitle, style: SUBTITLE }], 16));
  pager.y += 8;
  pager.doc.save().moveTo(PAGE.margin, pager.y).lineTo(PAGE.margin + TEXT_WIDTH, pager.y).lineWidth(0.6).strokeColor(COLORS.rule).stroke().restore();
  pager.y += 12;
}

/** Each heading takes along the start of what follows it, and a run of headings all of theirs. */
function drawBlocks(laid: readonly LaidBlock[]): void {
  const keep = new Array<number>(laid.length + 1).fill(0);
  for (let index = laid.length - 1; index >= 0; index--) {
    const next = laid[index + 1];
    keep[index] = next ? (next.heading ? next.lead + keep[index + 1] : next.lead) : 0;
  }
  laid.forEach((block, index) => block.draw(block.heading ? keep[index] : 0));
}

/** Footnotes no mark in the text refers to still belong in the document: at its end, under their heading. */
function drawUnplacedFootnotes(pager: Pager, heading: string): void {
  const numbers = pager.unplacedFootnotes();
  if (numbers.length === 0) return;
  const title = pager.wrap([{ text: heading, style: END_HEADING }], 19);
  pager.space(14);
  pager.claim(19 + 6 + BODY_LINE);
  pager.lines(title);
  pager.y += 6;
  for (const number of numbers) {
    const lines = pager.footnoteLines(number);
    pager.claim(lines[0]?.height ?? 0);
    pager.canvas.draw(String(number), FOOTNOTE_STYLE, PAGE.margin, pager.y + 0.5);
    pager.lines(lines, PAGE.margin + 14);
    pager.y += 2;
  }
}
