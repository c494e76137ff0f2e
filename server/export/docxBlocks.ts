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
  WidthType,
} from 'docx';
import type { Block, ExportLabels, Inline, Quote, WeaveFigure } from '../../shared/export/exportDocument';
import { weavePng } from './weavePng';

/** The width of the text between A4's margins of 2 cm, in pixels at 96 to the inch, as ImageRun measures. */
const TEXT_WIDTH_PIXELS = Math.floor(((21 - 4) / 2.54) * 96);

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

/** Running text as runs: words as text runs (docx escapes them as XML text), marks as Word footnote references. */
export function inlineRuns(content: readonly Inline[]): Array<TextRun | FootnoteReferenceRun> {
  return content.map((piece) =>
    'footnote' in piece ? new FootnoteReferenceRun(piece.footnote) : new TextRun({ text: piece.text, bold: piece.strong }),
  );
}

/** One block as Word paragraphs and tables. */
export function blockElements(block: Block, labels: ExportLabels): Array<Paragraph | Table> {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADING_LEVELS[block.level], children: [new TextRun(block.text)] })];
    case 'paragraph':
      return [new Paragraph({ children: inlineRuns(block.content) })];
    case 'remark':
      return [new Paragraph({ children: [new TextRun({ text: block.text, italics: true, color: MUTED_COLOR })] })];
    case 'fields':
      return block.fields.map(
        (field, index) =>
          new Paragraph({
            spacing: { after: index === block.fields.length - 1 ? 160 : 40 },
            children: [new TextRun({ text: `${field.label}: `, bold: true }), new TextRun(field.value)],
          }),
      );
    case 'list':
      return block.items.map(
        (item, index) =>
          new Paragraph({ bullet: { level: 0 }, spacing: { after: index === block.items.length - 1 ? 160 : 40 }, children: inlineRuns(item) }),
      );
    case 'quotes':
      return block.quotes.flatMap(quoteParagraphs);
    case 'table':
      return tableElements(block);
    case 'weave':
      return weaveParagraphs(block.figure, labels);
  }
}

/** Dots are shown as a dot and a number, so the line needs no word in any language. */
function quoteParagraphs(quote: Quote): Paragraph[] {
  const dots = quote.dots ? ` · ● ${quote.dots}` : '';
  return [
    new Paragraph({
      indent: { left: 567 },
      spacing: { after: 0 },
      border: { left: { style: 'single', size: 12, color: RULE_COLOR, space: 8 } },
      children: [new TextRun(`“${quote.text}”`)],
    }),
    new Paragraph({
      indent: { left: 567 },
      spacing: { after: 160 },
      border: { left: { style: 'single', size: 12, color: RULE_COLOR, space: 8 } },
      children: [new TextRun({ text: `— ${quote.source}${dots}`, size: 18, color: MUTED_COLOR })],
    }),
  ];
}

function tableElements(block: Extract<Block, { kind: 'table' }>): Array<Paragraph | Table> {
  const cell = (value: string | number, header: boolean, first: boolean) =>
    new TableCell({
      shading: header ? { fill: HEADER_SHADE, type: 'clear', color: 'auto' } : undefined,
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
      children: [
        new Paragraph({
          spacing: { after: 0 },
          // Numbers line up at the right; the row's name and words at the left.
          alignment: !first && typeof value === 'number' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text: String(value), bold: header })],
        }),
      ],
    });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((column, index) => cell(column, true, index === 0)),
  });
  const rows = block.rows.map(
    (row) => new TableRow({ cantSplit: true, children: row.map((value, index) => cell(value, false, index === 0)) }),
  );
  return [
    new Paragraph({ style: 'Caption', keepNext: true, children: [new TextRun(block.caption)] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
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
  const width = Math.min(TEXT_WIDTH_PIXELS, size.width);
  const height = Math.round((size.height * width) / size.width);
  return [
    new Paragraph({
      keepNext: true,
      spacing: { before: 120, after: 60 },
      children: [
        new ImageRun({
          type: 'png',
          data: png,
          transformation: { width, height },
          altText: { name: labels.weaveDescription, title: figure.caption, description: labels.weaveDescription },
        }),
      ],
    }),
    new Paragraph({ style: 'Caption', children: [new TextRun(figure.caption)] }),
  ];
}
