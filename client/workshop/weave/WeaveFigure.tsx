import type { CSSProperties, KeyboardEvent } from 'react';
import { Fragment, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Weave } from '../../../shared/domain/weave';
import { threadColor } from '../../../shared/weave/threadColors';
import { labelBaselines, layoutWeave, WEAVE_SIZES as SIZE, wrapLabel, type LanePlace, type StopPlace } from '../../../shared/weave/layout';
import { gatheringFacts, sectionName, strandName, threadTitle } from './weaveWords';

/** Lines of a label around a middle line `y`, for a font of `size`. */
function Lines({ lines, x, y, size, className, anchor = 'start' }: { lines: string[]; x: number; y: number; size: number; className: string; anchor?: 'start' | 'middle' }) {
  const { first, lineHeight } = labelBaselines(lines.length, y, size);
  return (
    <text className={className} x={x} y={first} fontSize={size} textAnchor={anchor}>
      {lines.map((line, index) => (
        <tspan key={index} x={x} dy={index === 0 ? 0 : lineHeight}>
          {index < lines.length - 1 ? `${line} ` : line}
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
          <circle className="weave-stop" cx={stop.x} cy={y} r={19} fill={color} />
          <text className="weave-stop-count" x={stop.x} y={y + 6.5} fontSize={18} textAnchor="middle">
            {count(stop.notes)}
          </text>
        </>
      )}
      {stop.learnings > 0 && (
        <>
          <rect className="weave-stop" x={diamondX - 15} y={y - 15} width={30} height={30} fill={color} transform={`rotate(45 ${diamondX} ${y})`} />
          <text className="weave-stop-count" x={diamondX} y={y + 6} fontSize={16} textAnchor="middle">
            {count(stop.learnings)}
          </text>
        </>
      )}
    </g>
  );
}

interface LaneProps {
  lane: LanePlace;
  name: string;
  title: string;
  color: string;
  /** Where the lane's clickable row ends: before the sections, which are not the lane's. */
  hitEnd: number;
  state: 'selected' | 'dimmed' | 'plain';
  onOpen(threadId: string): void;
}

/** One thread: its title and strand, a single control that opens the thread. */
function Lane({ lane, name, title, color, hitEnd, state, onOpen }: LaneProps) {
  const open = () => onOpen(lane.strand.threadId);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open();
    }
  };
  return (
    <g
      className={`weave-strand is-${state}`}
      role="button"
      tabIndex={0}
      aria-label={name}
      data-thread-id={lane.strand.threadId}
      onClick={open}
      onKeyDown={onKeyDown}
    >
      <rect className="weave-strand-hit" x={SIZE.pad / 2} y={lane.top + 2} width={hitEnd - SIZE.pad / 2} height={SIZE.laneHeight - 4} rx={10} />
      <Lines className="weave-strand-title" lines={wrapLabel(title, 20)} x={SIZE.pad} y={lane.y} size={SIZE.titleSize} />
      {lane.ends.map((end) => (
        <path key={`hit-${end.sectionIndex}`} className="weave-strand-hit-line" d={end.path} />
      ))}
      {lane.lead && <path className="weave-line weave-lead" d={lane.lead} stroke={color} />}
      {lane.ends.map((end) => (
        <path key={end.sectionIndex} className="weave-line" d={end.path} stroke={color} strokeWidth={SIZE.strandWidth} />
      ))}
      {lane.path && <path className="weave-line" d={lane.path} stroke={color} strokeWidth={SIZE.strandWidth} />}
    </g>
  );
}

/**
 * A lane's stops, drawn over its strand but outside its control: the counts are seen, not
 * read (the control's name says them), and clicks pass through them to the lane.
 */
function LaneStops({ lane, color, state }: { lane: LanePlace; color: string; state: LaneProps['state'] }) {
  return (
    <g className={`weave-stops is-${state}`} aria-hidden="true" data-thread-id={lane.strand.threadId}>
      {lane.stops.map((stop) => (
        <StopMarks key={stop.gatheringId} stop={stop} y={lane.y} color={color} />
      ))}
    </g>
  );
}

/**
 * The weave as a figure: gatherings along a time line at the top, the narrative's sections at
 * the right, and each thread a strand in its colour through its gatherings into its sections.
 * Each strand with its title is one control: a click or Enter opens the thread.
 */
export function WeaveFigure({ weave, selectedThreadId, onOpen }: { weave: Weave; selectedThreadId: string | null; onOpen(threadId: string): void }) {
  const { t, i18n } = useTranslation();
  const layout = useMemo(() => layoutWeave(weave), [weave]);
  const bottom = layout.height - SIZE.pad;
  const style = { '--weave-width': layout.width } as CSSProperties;
  return (
    <svg className="weave-svg" viewBox={`0 0 ${layout.width} ${layout.height}`} role="group" aria-label={t('weave.figureLabel')} style={style}>
      <g aria-hidden="true">
        {layout.columns.map((column) => (
          <line key={column.gatheringId} className="weave-guide" x1={column.x} x2={column.x} y1={layout.axis.y} y2={bottom} />
        ))}
        {layout.columns.length > 0 && <line className="weave-axis" x1={layout.axis.from} x2={layout.axis.to} y1={layout.axis.y} y2={layout.axis.y} />}
        {layout.columns.map((column) => (
          <circle key={column.gatheringId} className="weave-axis-dot" cx={column.x} cy={layout.axis.y} r={7} />
        ))}
      </g>
      {weave.gatherings.map((gathering, index) => {
        const x = layout.columns[index].x;
        const facts = gatheringFacts(gathering, i18n.language);
        const title = wrapLabel(gathering.title, 15);
        return (
          <g key={gathering.id} className="weave-gathering">
            <Lines className="weave-gathering-title" lines={title} x={x} y={title.length > 1 ? 48 : 64} size={SIZE.gatheringTitleSize} anchor="middle" />
            {facts && <Lines className="weave-gathering-facts" lines={wrapLabel(facts, 21)} x={x} y={124} size={SIZE.gatheringFactSize} anchor="middle" />}
          </g>
        );
      })}
      {weave.sections.length > 0 && (
        <g className="weave-sections">
          <Lines className="weave-gathering-title" lines={[t('weave.narrative')]} x={layout.sectionsX + SIZE.sectionWidth / 2} y={64} size={SIZE.gatheringTitleSize} anchor="middle" />
          {layout.sections.map((place) => (
            <g key={place.index}>
              <rect className="weave-section" x={place.x} y={place.y} width={place.width} height={place.height} rx={8} />
              <Lines className="weave-section-title" lines={wrapLabel(sectionName(t, weave.sections[place.index]), 23)} x={place.x + 16} y={place.anchorY} size={SIZE.sectionSize} />
            </g>
          ))}
        </g>
      )}
      {layout.lanes.map((lane) => {
        const state = selectedThreadId === null ? 'plain' : selectedThreadId === lane.strand.threadId ? 'selected' : 'dimmed';
        const color = threadColor(lane.index);
        return (
          <Fragment key={lane.strand.threadId}>
            <Lane
              lane={lane}
              name={strandName(t, weave, lane.strand, i18n.language)}
              title={threadTitle(t, lane.strand)}
              color={color}
              hitEnd={layout.sectionsX - 8}
              state={state}
              onOpen={onOpen}
            />
            <LaneStops lane={lane} color={color} state={state} />
          </Fragment>
        );
      })}
    </svg>
  );
}
