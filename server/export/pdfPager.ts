import { drawLine, drawnSize, wrap, type Line, type Span, type TextCanvas, type TextStyle } from './pdfText';

/** A4 in points, with margins of 2 cm and room under the text for the page number. */
export const PAGE = { width: 595.28, height: 841.89, margin: 56.7, footer: 28 } as const;
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

export const COLORS = { text: '#1a1a1a', heading: '#1f3a5f', muted: '#595959', rule: '#bfbfbf', shade: '#eef1f5' } as const;

export const FOOTNOTE_STYLE: TextStyle = { font: 'regular', size: 7.5, color: COLORS.text };
const FOOTNOTE_LINE = 10;
const FOOTNOTE_INDENT = 14;
/** Space between the text and the rule over the footnotes, and between the rule and the first footnote. */
const FOOTNOTE_ABOVE = 16;
const FOOTNOTE_BELOW = 7;

/**
 * A block measured and ready to draw. `lead` is the height of its start, which a heading
 * before it takes along to a new page instead of staying alone at the foot of this one.
 */
export interface LaidBlock {
  heading: boolean;
  lead: number;
  /** `keep`: for a heading, the height of what follows that must be on its page too. */
  draw(keep: number): void;
}

/**
 * The page being filled: where the next thing goes, how much room is left above the
 * footnotes already claimed on it, and the footnotes to draw at its foot when it is done.
 */
export class Pager {
  readonly canvas: TextCanvas;
  y: number = PAGE.margin;
  private pageFootnotes: Array<{ number: number; lines: Line[] }> = [];
  private placed = new Set<number>();

  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly footnoteTexts: readonly string[],
  ) {
    this.canvas = {
      measure: (text, style) => doc.font(style.font).fontSize(drawnSize(style)).widthOfString(text),
      draw: (text, style, x, top) => {
        // lineBreak: false draws the string where we say, without pdfkit wrapping it or adding a page.
        doc.font(style.font).fontSize(drawnSize(style)).fillColor(style.color).text(text, x, top, { lineBreak: false });
      },
    };
  }

  private get bottom(): number {
    return PAGE.height - PAGE.margin - PAGE.footer - this.footnoteHeight(this.pageFootnotes.flatMap((note) => note.lines));
  }

  /** Room left on this page for text, above its footnotes. */
  get room(): number {
    return this.bottom - this.y;
  }

  /** The lines of a footnote, wrapped beside its number. */
  footnoteLines(number: number): Line[] {
    return wrap([{ text: this.footnoteTexts[number - 1] ?? '', style: FOOTNOTE_STYLE }], TEXT_WIDTH - FOOTNOTE_INDENT, FOOTNOTE_LINE, this.canvas);
  }

  private footnoteHeight(lines: readonly Line[]): number {
    return lines.length === 0 ? 0 : FOOTNOTE_ABOVE + FOOTNOTE_BELOW + lines.reduce((sum, line) => sum + line.height, 0);
  }

  /** The footnotes a line would bring to this page: those not yet placed anywhere. */
  private newFootnotes(numbers: readonly number[]): number[] {
    return numbers.filter((number) => !this.placed.has(number) && number >= 1 && number <= this.footnoteTexts.length);
  }

  /** Whether `height` fits on this page, with the footnotes it brings. */
  fits(height: number, footnotes: readonly number[] = []): boolean {
    const added = this.newFootnotes(footnotes).flatMap((number) => this.footnoteLines(number));
    const current = this.pageFootnotes.flatMap((note) => note.lines);
    const extra = this.footnoteHeight([...current, ...added]) - this.footnoteHeight(current);
    return height + extra <= this.room + 0.01;
  }

  /**
   * Starts a new page unless `height` fits on this one (a page that is still empty takes
   * anything), and places the footnotes it brings on the page, unless `take` is false.
   */
  claim(height: number, footnotes: readonly number[] = [], take = true): void {
    if (!this.fits(height, footnotes) && this.y > PAGE.margin) this.newPage();
    if (!take) return;
    for (const number of this.newFootnotes(footnotes)) {
      this.placed.add(number);
      this.pageFootnotes.push({ number, lines: this.footnoteLines(number) });
    }
  }

  /** Draws lines of text one by one, each on the page with room for it and its footnotes. */
  lines(lines: readonly Line[], left: number = PAGE.margin, beside?: (top: number, height: number) => void): void {
    lines.forEach((line, index) => {
      // No paragraph leaves its first line alone at a page's foot or its last alone at the top
      // of the next: where it would, the two lines go over together.
      const pair = index === 0 || (index === lines.length - 2 && index >= 2) ? lines.slice(index, index + 2) : [line];
      if (pair.length === 2 && lines.length >= 3) {
        this.claim(
          pair.reduce((sum, each) => sum + each.height, 0),
          pair.flatMap((each) => each.footnotes),
          false,
        );
      }
      this.claim(line.height, line.footnotes);
      beside?.(this.y, line.height);
      drawLine(line, left, this.y, this.canvas);
      this.y += line.height;
    });
  }

  wrap(spans: readonly Span[], lineHeight: number, width = TEXT_WIDTH): Line[] {
    return wrap(spans, width, lineHeight, this.canvas);
  }

  text(spans: readonly Span[], lineHeight: number, width = TEXT_WIDTH, left: number = PAGE.margin): void {
    this.lines(this.wrap(spans, lineHeight, width), left);
  }

  space(height: number): void {
    if (this.y > PAGE.margin) this.y = Math.min(this.y + height, this.bottom);
  }

  newPage(): void {
    this.drawFootnotes();
    this.doc.addPage();
    this.y = PAGE.margin;
  }

  /** Footnotes never referred to in the text, which the caller lists at the end. */
  unplacedFootnotes(): number[] {
    return this.footnoteTexts.map((_, index) => index + 1).filter((number) => !this.placed.has(number));
  }

  finish(pageLabel: string): void {
    this.drawFootnotes();
    const range = this.doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index++) {
      this.doc.switchToPage(index);
      const label = `${pageLabel} ${index + 1}`;
      const style: TextStyle = { font: 'regular', size: 8.5, color: COLORS.muted };
      const width = this.canvas.measure(label, style);
      this.canvas.draw(label, style, (PAGE.width - width) / 2, PAGE.height - PAGE.margin + 4);
    }
  }

  private drawFootnotes(): void {
    if (this.pageFootnotes.length === 0) return;
    const lines = this.pageFootnotes.flatMap((note) => note.lines);
    let y = PAGE.height - PAGE.margin - PAGE.footer - this.footnoteHeight(lines) + FOOTNOTE_ABOVE;
    this.doc.save().moveTo(PAGE.margin, y).lineTo(PAGE.margin + 120, y).lineWidth(0.5).strokeColor(COLORS.rule).stroke().restore();
    y += FOOTNOTE_BELOW;
    for (const note of this.pageFootnotes) {
      this.canvas.draw(String(note.number), FOOTNOTE_STYLE, PAGE.margin, y + 0.5);
      for (const line of note.lines) {
        drawLine(line, PAGE.margin + FOOTNOTE_INDENT, y, this.canvas);
        y += line.height;
      }
    }
    this.pageFootnotes = [];
  }
}

