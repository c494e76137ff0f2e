import type { Strand, Weave, WeaveStop } from '../domain/weave';

/**
 * Where everything of the weave figure goes, in SVG units. The sizes are chosen for the back
 * of a room: at 1920 px a figure of three gatherings is drawn at about 1.2×, so thread titles
 * are over 30 px and strands about 10 px wide; on a phone the figure keeps at least 0.62× and
 * scrolls sideways.
 */
export const WEAVE_SIZES = {
  pad: 24,
  labelWidth: 380,
  columnWidth: 260,
  narrativeGap: 110,
  sectionWidth: 340,
  headerHeight: 180,
  laneHeight: 100,
  strandWidth: 8,
  titleSize: 30,
  gatheringTitleSize: 28,
  gatheringFactSize: 22,
  sectionSize: 24,
} as const;

/** A line-broken label: at most `maxLines` lines of about `maxChars` characters. */
export function wrapLabel(text: string, maxChars: number, maxLines = 2): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= maxChars || !line) {
      line = next;
      continue;
    }
    lines.push(line);
    line = word;
  }
  if (line) lines.push(line);
  const kept = lines.slice(0, maxLines).map((item) => (item.length > maxChars ? `${item.slice(0, maxChars - 1)}…` : item));
  if (lines.length > maxLines) {
    const last = kept[maxLines - 1];
    kept[maxLines - 1] = `${last.length >= maxChars ? last.slice(0, maxChars - 1) : last}…`;
  }
  return kept;
}

/** Where the lines of a label of font `size` go so that they centre on `y`: the first line's baseline, and the step between lines. */
export function labelBaselines(lineCount: number, y: number, size: number): { first: number; lineHeight: number } {
  const lineHeight = size * 1.2;
  return { first: y - ((lineCount - 1) * lineHeight) / 2 + size * 0.35, lineHeight };
}

/** A gathering's column. */
export interface ColumnPlace {
  gatheringId: string;
  /** The column's centre. */
  x: number;
}

/** A section's box at the right. */
export interface SectionPlace {
  index: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where strands arrive: the middle of the box's left edge. */
  anchorY: number;
}

/** A stop of a strand, at its gathering's column. */
export interface StopPlace extends WeaveStop {
  x: number;
}

/** One thread's lane: its row, the path through its stops and the paths into its sections. */
export interface LanePlace {
  strand: Strand;
  index: number;
  /** Top of the lane's row, and the strand's line. */
  top: number;
  y: number;
  stops: StopPlace[];
  /** The strand through the gatherings (empty when it has no stop). */
  path: string;
  /** A dotted lead from the title to the first stop (a strand without stops starts its ends at the title). */
  lead: string;
  /** One path into each section it was woven into. */
  ends: Array<{ sectionIndex: number; path: string }>;
}

/** The figure's plan. */
export interface WeaveLayout {
  width: number;
  height: number;
  columns: ColumnPlace[];
  /** The time line's start and end on the axis. */
  axis: { y: number; from: number; to: number };
  sectionsX: number;
  sections: SectionPlace[];
  lanes: LanePlace[];
}

/** The bow of a strand between two columns, so it reads as a thread over and under. */
const BOW = 14;

function strandPath(stops: readonly StopPlace[], y: number): string {
  if (stops.length === 0) return '';
  let path = `M ${stops[0].x} ${y}`;
  stops.slice(1).forEach((stop, index) => {
    const from = stops[index].x;
    const bow = index % 2 === 0 ? -BOW : BOW;
    path += ` Q ${(from + stop.x) / 2} ${y + bow} ${stop.x} ${y}`;
  });
  return path;
}

/** Places every part of `weave`. */
export function layoutWeave(weave: Weave): WeaveLayout {
  const size = WEAVE_SIZES;
  const columnsLeft = size.pad + size.labelWidth;
  const columns = weave.gatherings.map((gathering, index) => ({ gatheringId: gathering.id, x: columnsLeft + (index + 0.5) * size.columnWidth }));
  const timelineEnd = columnsLeft + weave.gatherings.length * size.columnWidth;
  const sectionsX = timelineEnd + size.narrativeGap;
  const rows = Math.max(weave.strands.length, weave.sections.length, 1);
  const top = size.headerHeight;
  const sections = weave.sections.map((_, index) => {
    const y = top + index * size.laneHeight + 8;
    const height = size.laneHeight - 16;
    return { index, x: sectionsX, y, width: size.sectionWidth, height, anchorY: y + height / 2 };
  });
  const sectionIndex = new Map(weave.sections.map((section, index) => [section.id, index]));
  const columnX = new Map(columns.map((column) => [column.gatheringId, column.x]));
  const lanes = weave.strands.map((strand, index): LanePlace => {
    const laneTop = top + index * size.laneHeight;
    const y = laneTop + size.laneHeight / 2;
    const stops = strand.stops.map((stop) => ({ ...stop, x: columnX.get(stop.gatheringId) ?? columnsLeft }));
    const labelEnd = columnsLeft - 12;
    const last = stops.at(-1)?.x ?? labelEnd;
    const ends = strand.sectionIds.flatMap((id) => {
      const at = sectionIndex.get(id);
      if (at === undefined) return [];
      const target = sections[at].anchorY;
      const middle = (last + sectionsX) / 2;
      return [{ sectionIndex: at, path: `M ${last} ${y} C ${middle} ${y} ${middle} ${target} ${sectionsX} ${target}` }];
    });
    const leadTo = stops[0]?.x;
    return {
      strand,
      index,
      top: laneTop,
      y,
      stops,
      path: strandPath(stops, y),
      lead: leadTo === undefined ? '' : `M ${labelEnd} ${y} L ${leadTo} ${y}`,
      ends,
    };
  });
  return {
    width: sectionsX + size.sectionWidth + size.pad,
    height: top + rows * size.laneHeight + size.pad,
    columns,
    axis: { y: top - 18, from: columnsLeft, to: Math.max(timelineEnd, columnsLeft) },
    sectionsX,
    sections,
    lanes,
  };
}
