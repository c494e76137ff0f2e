/**
 * Running text for the PDF, laid out by us rather than by pdfkit's own wrapping, so a line
 * knows its height and its footnote marks before it is drawn: that is what lets a footnote
 * land at the foot of the page its mark is on, and a heading stay with what follows it.
 */

/** The fonts registered in pdf.ts, by the names they are registered under. */
export type FontName = 'regular' | 'bold' | 'italic';

/** How a piece of text looks. `superscript` draws it smaller and raised, as a footnote mark. */
export interface TextStyle {
  font: FontName;
  size: number;
  color: string;
  superscript?: boolean;
}

/** A piece of text in one style; `footnote` names the footnote a mark stands for. */
export interface Span {
  text: string;
  style: TextStyle;
  footnote?: number;
}

/** A wrapped line: pieces at their offsets from the line's left edge. */
export interface Line {
  pieces: Array<{ text: string; style: TextStyle; x: number }>;
  width: number;
  height: number;
  /** The footnotes whose marks are on this line. */
  footnotes: number[];
}

/** DejaVu Sans's ascent, 1901 of its 2048 units: the same in the regular, bold and oblique faces. */
const ASCENT = 1901 / 2048;
const SUPERSCRIPT_SCALE = 0.65;

/** What a layout needs of pdfkit: to measure a string in a style, and to draw one at a point. */
export interface TextCanvas {
  measure(text: string, style: TextStyle): number;
  draw(text: string, style: TextStyle, x: number, top: number): void;
}

export function drawnSize(style: TextStyle): number {
  return style.superscript ? style.size * SUPERSCRIPT_SCALE : style.size;
}

interface Atom {
  text: string;
  style: TextStyle;
  footnote?: number;
  width: number;
}

/** Words as lists of atoms (a word may change style midway, as a footnote mark right after a word). */
interface Word {
  atoms: Atom[];
  width: number;
  /** The whitespace before the word, measured in its own style; dropped at the start of a line. */
  space: number;
  breakBefore: boolean;
}

function wordsOf(spans: readonly Span[], canvas: TextCanvas): Word[] {
  const words: Word[] = [];
  let pendingSpace = 0;
  let pendingBreak = false;
  let current: Word | null = null;
  for (const span of spans) {
    // Tabs and other control characters are drawn as spaces: a font has no glyph for them.
    const text = span.text.replace(/\r\n?/g, '\n').replace(/[\t\v\f\u0000-\u0008\u000e-\u001f\u007f]/g, ' ');
    for (const token of text.split(/(\n| +)/)) {
      if (token === '') continue;
      if (token === '\n') {
        current = null;
        pendingSpace = 0;
        pendingBreak = true;
      } else if (token.startsWith(' ')) {
        current = null;
        // Runs of spaces count as one, so a merged string ('a b') is as wide as its layout.
        pendingSpace = canvas.measure(' ', span.style);
      } else {
        if (!current) {
          current = { atoms: [], width: 0, space: pendingSpace, breakBefore: pendingBreak };
          words.push(current);
          pendingSpace = 0;
          pendingBreak = false;
        }
        const width = canvas.measure(token, span.style);
        current.atoms.push({ text: token, style: span.style, footnote: span.footnote, width });
        current.width += width;
      }
    }
  }
  return words;
}

/** A word too wide for a line, cut into pieces that each fit (a long web address in a narrow table cell). */
function splitWord(word: Word, maxWidth: number, canvas: TextCanvas): Word[] {
  const pieces: Word[] = [];
  let piece: Word = { atoms: [], width: 0, space: word.space, breakBefore: word.breakBefore };
  for (const atom of word.atoms) {
    for (const character of Array.from(atom.text)) {
      const width = canvas.measure(character, atom.style);
      if (piece.width + width > maxWidth && piece.atoms.length > 0) {
        pieces.push(piece);
        piece = { atoms: [], width: 0, space: 0, breakBefore: true };
      }
      const last = piece.atoms.at(-1);
      if (last && last.style === atom.style && last.footnote === atom.footnote) {
        last.text += character;
        last.width += width;
      } else {
        piece.atoms.push({ text: character, style: atom.style, footnote: atom.footnote, width });
      }
      piece.width += width;
    }
  }
  pieces.push(piece);
  return pieces;
}

/** Spans wrapped into lines no wider than `maxWidth`, each `lineHeight` high. */
export function wrap(spans: readonly Span[], maxWidth: number, lineHeight: number, canvas: TextCanvas): Line[] {
  const words = wordsOf(spans, canvas).flatMap((word) => (word.width > maxWidth ? splitWord(word, maxWidth, canvas) : [word]));
  const lines: Line[] = [];
  let line: Line | null = null;
  for (const word of words) {
    const startsLine: boolean = line === null || word.breakBefore || line.width + word.space + word.width > maxWidth;
    if (startsLine || line === null) {
      line = { pieces: [], width: 0, height: lineHeight, footnotes: [] };
      lines.push(line);
    } else {
      line.width += word.space;
    }
    const current: Line = line;
    word.atoms.forEach((atom, index) => {
      const last = current.pieces.at(-1);
      const gap = index === 0 && !startsLine && word.space > 0 ? ' ' : '';
      // Neighbours in one style are drawn as one string, so text copied from the PDF keeps its spaces.
      if (last && last.style === atom.style) last.text += gap + atom.text;
      else current.pieces.push({ text: atom.text, style: atom.style, x: current.width });
      if (atom.footnote !== undefined && !current.footnotes.includes(atom.footnote)) current.footnotes.push(atom.footnote);
      current.width += atom.width;
    });
  }
  return lines;
}

/** Draws a line with its top at `top`; footnote marks raised above the baseline of the text around them. */
export function drawLine(line: Line, left: number, top: number, canvas: TextCanvas): void {
  const baseSize = Math.max(...line.pieces.map((piece) => (piece.style.superscript ? 0 : piece.style.size)), 0);
  const baseline = top + (line.height - baseSize) / 2 + baseSize * ASCENT;
  for (const piece of line.pieces) {
    const size = drawnSize(piece.style);
    const raise = piece.style.superscript ? piece.style.size * 0.38 : 0;
    canvas.draw(piece.text, piece.style, left + piece.x, baseline - raise - size * ASCENT);
  }
}
