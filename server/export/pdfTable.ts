import type { Block } from '../../shared/export/exportDocument';
import { COLORS, PAGE, TEXT_WIDTH, type LaidBlock, type Pager } from './pdfPager';
import { drawLine, type Line, type TextStyle } from './pdfText';

const CELL: TextStyle = { font: 'regular', size: 9, color: COLORS.text };
const HEAD: TextStyle = { ...CELL, font: 'bold' };
const CAPTION: TextStyle = { font: 'bold', size: 8.5, color: COLORS.muted };
const CELL_LINE = 12.5;
const PAD = 4;

type TableBlock = Extract<Block, { kind: 'table' }>;

/** Column widths: numbers take what their widest value or heading needs, words share the rest. */
function columnWidths(pager: Pager, block: TableBlock, numeric: boolean[]): number[] {
  const natural = block.columns.map((column, index) => {
    if (!numeric[index]) return 0;
    const values = block.rows.map((row) => pager.canvas.measure(String(row[index] ?? ''), CELL));
    return Math.min(Math.max(pager.canvas.measure(column, HEAD), ...values, 24) + 2 * PAD, 110);
  });
  const textColumns = numeric.filter((isNumber) => !isNumber).length;
  const left = TEXT_WIDTH - natural.reduce((sum, width) => sum + width, 0);
  if (textColumns === 0 || left < 140 * textColumns) return block.columns.map(() => TEXT_WIDTH / block.columns.length);
  return natural.map((width, index) => (numeric[index] ? width : left / textColumns));
}

interface Row {
  cells: Line[][];
  height: number;
}

/**
 * A table drawn row by row: a row never splits, and a table that runs onto a new page
 * repeats its header row there.
 */
export function pdfTable(pager: Pager, block: TableBlock): LaidBlock {
  const numeric = block.columns.map((_, index) => index > 0 && block.rows.every((row) => typeof row[index] === 'number'));
  const widths = columnWidths(pager, block, numeric);
  const lay = (values: ReadonlyArray<string | number>, style: TextStyle): Row => {
    const cells = widths.map((width, index) => pager.wrap([{ text: String(values[index] ?? ''), style }], CELL_LINE, width - 2 * PAD));
    return { cells, height: Math.max(...cells.map((lines) => lines.length), 1) * CELL_LINE + 2 * PAD };
  };
  const header = lay(block.columns, HEAD);
  const rows = block.rows.map((row) => lay(row, CELL));
  const caption = pager.wrap([{ text: block.caption, style: CAPTION }], 12);
  const captionHeight = caption.length * 12 + 3;
  const lead = captionHeight + header.height + (rows[0]?.height ?? 0);

  const rule = (y: number, weight: number, color: string) => {
    pager.doc.save().moveTo(PAGE.margin, y).lineTo(PAGE.margin + TEXT_WIDTH, y).lineWidth(weight).strokeColor(color).stroke().restore();
  };
  const drawRow = (row: Row, shaded: boolean) => {
    const top = pager.y;
    if (shaded) pager.doc.save().rect(PAGE.margin, top, TEXT_WIDTH, row.height).fill(COLORS.shade).restore();
    let x = PAGE.margin;
    row.cells.forEach((lines, index) => {
      let y = top + PAD;
      for (const line of lines) {
        // Numbers line up at the right, as in a spreadsheet; words at the left.
        const offset = numeric[index] ? widths[index] - 2 * PAD - line.width : 0;
        drawLine(line, x + PAD + offset, y, pager.canvas);
        y += line.height;
      }
      x += widths[index];
    });
    pager.y = top + row.height;
  };
  const drawHeader = () => {
    rule(pager.y, 0.8, COLORS.heading);
    drawRow(header, true);
    rule(pager.y, 0.8, COLORS.heading);
  };

  return {
    heading: false,
    lead,
    draw: () => {
      pager.claim(lead);
      for (const line of caption) {
        drawLine(line, PAGE.margin, pager.y, pager.canvas);
        pager.y += line.height;
      }
      pager.y += 3;
      drawHeader();
      rows.forEach((row, index) => {
        if (!pager.fits(row.height)) {
          pager.newPage();
          drawHeader();
        }
        drawRow(row, false);
        rule(pager.y, index === rows.length - 1 ? 0.8 : 0.4, index === rows.length - 1 ? COLORS.heading : COLORS.rule);
      });
      pager.space(14);
    },
  };
}
