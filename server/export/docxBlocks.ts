import {
  AlignmentType,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  TableLayoutType,
  WidthType,
  type IRunOptions,
} from 'docx';
import type { Block, ExportLabels, Inline, Quote, WeaveFigure } from '../../shared/export/exportDocument';
import { countWords, type ExportWords } from '../../shared/export/exportWords';
import { weavePng } from './weavePng';

/** The width of the text between A4's margins of 2 cm, in pixels at 96 to the inch, as ImageRun measures. */
const TEXT_WIDTH_PIXELS = Math.floor(((21 - 4) / 2.54) * 96);
const TEXT_HEIGHT_PIXELS = Math.floor(((29.7 - 4) / 2.54) * 96 * 0.66);

export const MUTED_COLOR = '595959';
export const RULE_COLOR = 'BFBFBF';
export const HEADER_SHADE = 'EEF1F5';

/**
 * The document's levels 2 to 4 as Word's Heading 1 to 3: the title has Word's Title style,
 * so the navigation pane's outline starts at its first level instead of one level in.
 */
const HEADING_LEVELS = {
  2: HeadingLevel.HEADING_1,
  3: HeadingLevel.HEADING_2,
  4: HeadingLevel.HEADING_3,
} as const;

/**
 * Characters XML 1.0 does not allow, with which Word refuses the whole file: docx drops most
 * control characters itself, but not these.
 */
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text without the characters XML cannot hold, for the file's properties. */
export function xmlText(text: string): string {
  return text.replace(NOT_IN_XML, '');
}

/** Plain text as text runs (docx writes them as escaped XML text), a line break where the text has one. */
export function textRuns(text: string, options: Omit<IRunOptions, 'text' | 'children' | 'break'> = {}): TextRun[] {
  return xmlText(text)
    .split(/\r\n|\r|\n/)
    .map((line, index) => new TextRun({ ...options, text: line, break: index > 0 ? 1 : undefined }));
}

/**
 * Running text as runs: words as text runs, a footnote's first mark as a Word footnote
 * reference. A later mark of the same footnote, or one with no footnote behind it, is a raised
 * number in the same look: Word numbers each reference as a note of its own, and refuses a
 * file whose reference names a missing note.
 */
export function inlineRuns(content: readonly Inline[], context: BlockContext): Array<TextRun | FootnoteReferenceRun> {
  return content.flatMap((piece, index) => {
    if (!('footnote' in piece)) return textRuns(piece.text, { bold: piece.strong });
    const number = piece.footnote;
    // Marks right after one another are parted by a raised comma (¹,²), not read as one number.
    const comma = index > 0 && 'footnote' in content[index - 1] ? [new TextRun({ text: ',', style: 'FootnoteReference' })] : [];
    if (number >= 1 && number <= context.footnotes && !context.referenced.has(number)) {
      context.referenced.add(number);
      return [...comma, new FootnoteReferenceRun(number)];
    }
    return [...comma, new TextRun({ text: String(number), style: 'FootnoteReference' })];
  });
}

/** What a block needs to know of its document. */
export interface BlockContext {
  labels: ExportLabels;
  /** How many footnotes the document has. */
  footnotes: number;
  words: ExportWords;
  /** The footnotes referred to so far, in reading order. */
  referenced: Set<number>;
}

/** One block as Word paragraphs and tables. */
export function blockElements(block: Block, context: BlockContext): Array<Paragraph | Table> {
  const { labels, words } = context;
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADING_LEVELS[block.level], children: textRuns(block.text) })];
    case 'paragraph':
      return [new Paragraph({ children: inlineRuns(block.content, context) })];
    case 'remark':
      return [new Paragraph({ children: textRuns(block.text, { italics: true, color: MUTED_COLOR }) })];
    case 'fields':
      return block.fields.map(
        (field, index) =>
          new Paragraph({
            spacing: { after: index === block.fields.length - 1 ? 160 : 40 },
            children: [...textRuns(`${field.label}: `, { bold: true }), ...textRuns(field.value)],
          }),
      );
    case 'list':
      return block.items.map(
        (item, index) =>
          new Paragraph({ bullet: { level: 0 }, spacing: { after: index === block.items.length - 1 ? 160 : 40 }, children: inlineRuns(item, context) }),
      );
    case 'quotes':
      return block.quotes.flatMap((quote) => quoteParagraphs(quote, words));
    case 'table':
      return tableElements(block);
    case 'weave':
      return weaveParagraphs(block.figure, labels);
  }
}

/** “text”, and under it — source · 3 dots, as the other formats say it. */
function quoteParagraphs(quote: Quote, words: ExportWords): Paragraph[] {
  const dots = quote.dots === undefined ? '' : ` · ${countWords(words, 'dots', quote.dots)}`;
  return [
    new Paragraph({
      indent: { left: 567 },
      spacing: { after: 0 },
      // A quote stays on the page of the line saying whose it is.
      keepNext: true,
      border: { left: { style: 'single', size: 12, color: RULE_COLOR, space: 8 } },
      children: textRuns(`“${quote.text}”`),
    }),
    new Paragraph({
      indent: { left: 567 },
      spacing: { after: 160 },
      border: { left: { style: 'single', size: 12, color: RULE_COLOR, space: 8 } },
      children: textRuns(`— ${quote.source}${dots}`, { size: 18, color: MUTED_COLOR }),
    }),
  ];
}

/** The width of the text between A4's margins of 2 cm, in twentieths of a point. */
const TEXT_WIDTH_TWIPS = 11906 - 2 * 1134;

/** Numbers take about what their heading needs, words share the rest; Word adjusts from there. */
function columnWidths(block: Extract<Block, { kind: 'table' }>, numeric: boolean[]): number[] {
  const natural = block.columns.map((column, index) => (numeric[index] ? Math.max(1100, Math.min(2400, column.length * 150 + 400)) : 0));
  const textColumns = numeric.filter((isNumber) => !isNumber).length;
  const left = TEXT_WIDTH_TWIPS - natural.reduce((sum, width) => sum + width, 0);
  if (textColumns === 0 || left < 2400 * textColumns) return block.columns.map(() => Math.floor(TEXT_WIDTH_TWIPS / block.columns.length));
  return natural.map((width) => width || Math.floor(left / textColumns));
}

function tableElements(block: Extract<Block, { kind: 'table' }>): Array<Paragraph | Table> {
  const numeric = block.columns.map((_, index) => index > 0 && block.rows.every((row) => typeof row[index] === 'number'));
  const widths = columnWidths(block, numeric);
  const cell = (value: string | number, header: boolean, index: number) =>
    new TableCell({
      shading: header ? { fill: HEADER_SHADE, type: 'clear', color: 'auto' } : undefined,
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
      width: { size: widths[index], type: WidthType.DXA },
      children: [
        new Paragraph({
          spacing: { after: 0 },
          // Numbers, and their column's heading, line up at the right; words at the left.
          alignment: numeric[index] ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: textRuns(String(value), { bold: header }),
        }),
      ],
    });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((column, index) => cell(column, true, index)),
  });
  const rows = block.rows.map((row) => new TableRow({ cantSplit: true, children: block.columns.map((_, index) => cell(row[index] ?? '', false, index)) }));
  return [
    new Paragraph({ style: 'Caption', keepNext: true, children: textRuns(block.caption) }),
    new Table({
      width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
      columnWidths: widths,
      // Fixed, so every reader keeps the widths above (LibreOffice shares an autofit table out evenly).
      layout: TableLayoutType.FIXED,
      borders: {
        top: { style: 'single', size: 4, color: RULE_COLOR },
        bottom: { style: 'single', size: 4, color: RULE_COLOR },
        left: { style: 'none', size: 0, color: 'auto' },
        right: { style: 'none', size: 0, color: 'auto' },
        insideHorizontal: { style: 'single', size: 4, color: RULE_COLOR },
        insideVertical: { style: 'none', size: 0, color: 'auto' },
      },
      rows: [header, ...rows],
    }),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  ];
}

/** A PNG's size in pixels, from its header (IHDR is always the first chunk). */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function weaveParagraphs(figure: WeaveFigure, labels: ExportLabels): Paragraph[] {
  const png = weavePng(figure);
  const size = pngSize(png);
  // As wide as the text, but never taller than two thirds of the page's text, as in the PDF.
  const scale = Math.min(TEXT_WIDTH_PIXELS / size.width, TEXT_HEIGHT_PIXELS / size.height, 1);
  const width = Math.round(size.width * scale);
  const height = Math.round(size.height * scale);
  return [
    new Paragraph({
      keepNext: true,
      spacing: { before: 120, after: 60 },
      children: [
        new ImageRun({
          type: 'png',
          data: png,
          transformation: { width, height },
          altText: { name: figure.caption, title: figure.caption, description: labels.weaveDescription },
        }),
      ],
    }),
    new Paragraph({ style: 'Caption', children: textRuns(figure.caption) }),
  ];
}
