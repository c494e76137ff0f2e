import { renderToStaticMarkup } from 'react-dom/server';
import type { WeaveFigure } from '../../shared/export/exportDocument';
import { labelBaselines, layoutWeave, WEAVE_SIZES as SIZE, wrapLabel, type StopPlace } from '../../shared/weave/layout';
import { threadColor } from '../../shared/weave/threadColors';
import { FONT_FAMILY } from './fonts';

/**
 * The weave figure as a standalone SVG document, for a file, an HTML report and (through
 * weavePng) DOCX and PDF. It is drawn from the same layout as the weave view, with fixed
 * colours instead of the board's style sheet, and rendered by React so that every word of a
 * title or heading is escaped as text.
 */

const INK = '#1f2328';
const INK_SOFT = '#57606a';
const LINE = '#d0d7de';
const WASH = '#f3f5f7';
const PAPER = '#ffffff';

function Lines({ lines, x, y, size, weight, fill, anchor = 'start' }: { lines: string[]; x: number; y: number; size: number; weight: number; fill: string; anchor?: 'start' | 'middle' }) {
  const { first, lineHeight } = labelBaselines(lines.length, y, size);
  return (
    <text x={x} y={first} fontSize={size} fontWeight={weight} fill={fill} textAnchor={anchor}>
      {lines.map((line, index) => (
        <tspan key={index} x={x} dy={index === 0 ? 0 : lineHeight}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

function count(value: number): string {
  return value > 99 ? '99+' : String(value);
}

/** A stop: a disc with the count of notes, a diamond with the count of learnings. */
function StopMarks({ stop, y, color }: { stop: StopPlace; y: number; color: string }) {
  const diamondX = stop.notes ? stop.x + 36 : stop.x;
  return (
    <g>
      {stop.notes > 0 && (
        <>
          <circle cx={stop.x} cy={y} r={19} fill={color} stroke={PAPER} strokeWidth={3} />
          <text x={stop.x} y={y + 6.5} fontSize={18} fontWeight={700} fill={PAPER} textAnchor="middle">
            {count(stop.notes)}
          </text>
        </>
      )}
      {stop.learnings > 0 && (
        <>
          <rect x={diamondX - 15} y={y - 15} width={30} height={30} fill={color} stroke={PAPER} strokeWidth={3} transform={`rotate(45 ${diamondX} ${y})`} />
          <text x={diamondX} y={y + 6} fontSize={16} fontWeight={700} fill={PAPER} textAnchor="middle">
            {count(stop.learnings)}
          </text>
        </>
      )}
    </g>
  );
}

function Figure({ figure }: { figure: WeaveFigure }) {
  const { weave } = figure;
  const layout = layoutWeave(weave);
  const bottom = layout.height - SIZE.pad;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      fontFamily={`${FONT_FAMILY}, Arial, sans-serif`}
      role="img"
      aria-label={figure.caption}
    >
      <title>{figure.caption}</title>
      <rect width={layout.width} height={layout.height} fill={PAPER} />
      {layout.columns.map((column) => (
        <line key={column.gatheringId} x1={column.x} x2={column.x} y1={layout.axis.y} y2={bottom} stroke={LINE} strokeWidth={2} strokeDasharray="4 8" />
      ))}
      {layout.columns.length > 0 && <line x1={layout.axis.from} x2={layout.axis.to} y1={layout.axis.y} y2={layout.axis.y} stroke={INK_SOFT} strokeWidth={4} strokeLinecap="round" />}
      {layout.columns.map((column) => (
        <circle key={column.gatheringId} cx={column.x} cy={layout.axis.y} r={7} fill={INK} />
      ))}
      {weave.gatherings.map((gathering, index) => {
        const x = layout.columns[index].x;
        const title = wrapLabel(gathering.title, 15);
        const facts = figure.gatheringFacts[gathering.id] ?? '';
        return (
          <g key={gathering.id}>
            <Lines lines={title} x={x} y={title.length > 1 ? 48 : 64} size={SIZE.gatheringTitleSize} weight={700} fill={INK} anchor="middle" />
            {facts && <Lines lines={wrapLabel(facts, 21)} x={x} y={124} size={SIZE.gatheringFactSize} weight={400} fill={INK_SOFT} anchor="middle" />}
          </g>
        );
      })}
      {weave.sections.length > 0 && (
        <g>
          <Lines lines={[figure.narrativeLabel]} x={layout.sectionsX + SIZE.sectionWidth / 2} y={64} size={SIZE.gatheringTitleSize} weight={700} fill={INK} anchor="middle" />
          {layout.sections.map((place) => (
            <g key={place.index}>
              <rect x={place.x} y={place.y} width={place.width} height={place.height} rx={8} fill={WASH} stroke={INK_SOFT} strokeWidth={2} />
              <Lines
                lines={wrapLabel(weave.sections[place.index].heading.trim() || figure.beforeFirstHeading, 23)}
                x={place.x + 16}
                y={place.anchorY}
                size={SIZE.sectionSize}
                weight={600}
                fill={INK}
              />
            </g>
          ))}
        </g>
      )}
      {layout.lanes.map((lane) => {
        const color = threadColor(lane.index);
        return (
          <g key={lane.strand.threadId}>
            <Lines lines={wrapLabel(lane.strand.title.trim() || figure.untitledThread, 20)} x={SIZE.pad} y={lane.y} size={SIZE.titleSize} weight={700} fill={INK} />
            {lane.lead && <path d={lane.lead} fill="none" stroke={color} strokeWidth={3} strokeDasharray="2 9" strokeLinecap="round" />}
            {lane.ends.map((end) => (
              <path key={end.sectionIndex} d={end.path} fill="none" stroke={color} strokeWidth={SIZE.strandWidth} strokeLinecap="round" />
            ))}
            {lane.path && <path d={lane.path} fill="none" stroke={color} strokeWidth={SIZE.strandWidth} strokeLinecap="round" />}
            {lane.stops.map((stop) => (
              <StopMarks key={stop.gatheringId} stop={stop} y={lane.y} color={color} />
            ))}
          </g>
        );
      })}
    </svg>
  );
}

/** The figure as an `<svg>` element, to stand inline in an HTML page. */
export function weaveSvgElement(figure: WeaveFigure): string {
  return renderToStaticMarkup(<Figure figure={figure} />);
}

/** The weave figure as a standalone SVG document (every user word escaped as text). */
export function weaveSvg(figure: WeaveFigure): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${weaveSvgElement(figure)}\n`;
}
