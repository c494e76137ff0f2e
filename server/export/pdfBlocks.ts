import type { Block, Inline, Quote, WeaveFigure } from '../../shared/export/exportDocument';
import { countWords, type ExportWords } from '../../shared/export/exportWords';
import { COLORS, PAGE, TEXT_WIDTH, type LaidBlock, type Pager } from './pdfPager';
import { drawLine, type Line, type Span, type TextStyle } from './pdfText';
import { pdfTable } from './pdfTable';
import { weavePng } from './weavePng';

export const BODY: TextStyle = { font: 'regular', size: 10, color: COLORS.text };
export const BODY_LINE = 14.5;
const STRONG: TextStyle = { ...BODY, font: 'bold' };
const MARK: TextStyle = { ...BODY, color: COLORS.heading, superscript: true };
const REMARK: TextStyle = { ...BODY, font: 'italic', color: COLORS.muted };
const SOURCE: TextStyle = { font: 'regular', size: 8.5, color: COLORS.muted };
const SOURCE_LINE = 12;
export const CAPTION: TextStyle = { font: 'bold', size: 8.5, color: COLORS.muted };
export const CAPTION_LINE = 12;
const PARAGRAPH_GAP = 8;

const HEADINGS = {
  2: { style: { font: 'bold', size: 15, color: COLORS.heading }, line: 19, before: 14, after: 6 },
  3: { style: { font: 'bold', size: 12.5, color: COLORS.heading }, line: 16.5, before: 10, after: 4 },
  4: { style: { font: 'bold', size: 10.5, color: COLORS.heading }, line: 14.5, before: 8, after: 2 },
} as const satisfies Record<2 | 3 | 4, { style: TextStyle; line: number; before: number; after: number }>;

/** Running text as spans; marks right after one another are parted by a raised comma (¹,²), not read as one number. */
export function inlineSpans(content: readonly Inline[]): Span[] {
  return content.map((piece, index) => {
    if (!('footnote' in piece)) return { text: piece.text, style: piece.strong ? STRONG : BODY };
    const afterMark = index > 0 && 'footnote' in content[index - 1];
    return { text: `${afterMark ? ',' : ''}${piece.footnote}`, style: MARK, footnote: piece.footnote };
  });
}

const heightOf = (lines: readonly Line[]) => lines.reduce((sum, line) => sum + line.height, 0);
const firstLines = (lines: readonly Line[], count: number) => heightOf(lines.slice(0, count));

export function layBlock(pager: Pager, block: Block, words: ExportWords): LaidBlock {
  switch (block.kind) {
    case 'heading': {
      const look = HEADINGS[block.level];
      const lines = pager.wrap([{ text: block.text, style: look.style }], look.line);
      const height = heightOf(lines);
      return {
        heading: true,
        lead: look.before + height + look.after,
        draw: (keep) => {
          pager.space(look.before);
          pager.claim(height + look.after + keep);
          pager.lines(lines);
          pager.y += look.after;
        },
      };
    }
    case 'paragraph':
      return textBlock(pager, pager.wrap(inlineSpans(block.content), BODY_LINE));
    case 'remark':
      return textBlock(pager, pager.wrap([{ text: block.text, style: REMARK }], BODY_LINE));
    case 'fields':
      return textBlock(
        pager,
        block.fields.flatMap((field) => pager.wrap([{ text: `${field.label}: `, style: STRONG }, { text: field.value, style: BODY }], BODY_LINE)),
      );
    case 'list':
      return listBlock(pager, block.items);
    case 'quotes':
      return quotesBlock(pager, block.quotes, words);
    case 'table':
      return pdfTable(pager, block);
    case 'weave':
      return weaveBlock(pager, block.figure);
  }
}

function textBlock(pager: Pager, lines: Line[]): LaidBlock {
  return {
    heading: false,
    // Two lines, so a heading does not stand over a single orphaned line either.
    lead: firstLines(lines, 2),
    draw: () => {
      pager.lines(lines);
      pager.space(PARAGRAPH_GAP);
    },
  };
}

const BULLET_INDENT = 16;

function listBlock(pager: Pager, items: readonly Inline[][]): LaidBlock {
  const laid = items.map((item) => pager.wrap(inlineSpans(item), BODY_LINE, TEXT_WIDTH - BULLET_INDENT));
  return {
    heading: false,
    lead: firstLines(laid[0] ?? [], 2),
    draw: () => {
      for (const lines of laid) {
        let first = true;
        pager.lines(lines, PAGE.margin + BULLET_INDENT, (top) => {
          if (first) pager.canvas.draw('•', BODY, PAGE.margin + 4, top + (BODY_LINE - BODY.size) / 2 - 1);
          first = false;
        });
        pager.y += 2;
      }
      pager.space(PARAGRAPH_GAP - 2);
    },
  };
}

const QUOTE_INDENT = 14;

/** “text”, and under it — source · 3 dots, as the other formats say it. */
function quotesBlock(pager: Pager, quotes: readonly Quote[], words: ExportWords): LaidBlock {
  const width = TEXT_WIDTH - QUOTE_INDENT;
  const laid = quotes.map((quote) => ({
    text: pager.wrap([{ text: `“${quote.text}”`, style: BODY }], BODY_LINE, width),
    source: pager.wrap([{ text: `— ${quote.source}${quote.dots === undefined ? '' : ` · ${countWords(words, 'dots', quote.dots)}`}`, style: SOURCE }], SOURCE_LINE, width),
  }));
  const bar = (top: number, height: number) => {
    pager.doc.save().rect(PAGE.margin + 2, top, 2, height).fill(COLORS.rule).restore();
  };
  return {
    heading: false,
    lead: laid[0] ? heightOf(laid[0].text) + heightOf(laid[0].source) : 0,
    draw: () => {
      for (const quote of laid) {
        // A short quote stays whole with its source; a long one breaks between its lines.
        const whole = heightOf(quote.text) + heightOf(quote.source);
        if (whole < 6 * BODY_LINE) pager.claim(whole);
        pager.lines(quote.text, PAGE.margin + QUOTE_INDENT, bar);
        pager.lines(quote.source, PAGE.margin + QUOTE_INDENT, bar);
        pager.y += 8;
      }
      pager.space(PARAGRAPH_GAP - 8);
    },
  };
}

/** A PNG's size in pixels, from its header (IHDR is always the first chunk). */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/**
 * The weave as a picture with its caption under it. An untagged PDF has no place for a
 * picture's alternative text; the caption says what it shows, and the DOCX and HTML carry the
 * description.
 */
function weaveBlock(pager: Pager, figure: WeaveFigure): LaidBlock {
  const png = weavePng(figure);
  const size = pngSize(png);
  // As wide as the text, but never taller than two thirds of a page.
  const maxHeight = (PAGE.height - 2 * PAGE.margin) * 0.66;
  const scale = Math.min(TEXT_WIDTH / size.width, maxHeight / size.height);
  const width = size.width * scale;
  const height = size.height * scale;
  const caption = pager.wrap([{ text: figure.caption, style: CAPTION }], CAPTION_LINE);
  const lead = 6 + height + 6 + heightOf(caption);
  return {
    heading: false,
    lead,
    draw: () => {
      pager.claim(lead);
      pager.y += 6;
      // A buffer, never a path or a URL: pdfkit reads a file for a string.
      pager.doc.image(png, PAGE.margin + (TEXT_WIDTH - width) / 2, pager.y, { width, height });
      pager.y += height + 6;
      for (const line of caption) {
        drawLine(line, PAGE.margin, pager.y, pager.canvas);
        pager.y += line.height;
      }
      pager.space(PARAGRAPH_GAP + 4);
    },
  };
}
