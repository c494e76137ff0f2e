import { useMemo } from 'react';
import { useEditor, useValue, type TLShapeId } from 'tldraw';
import { GROUP_STYLES, GROUPS, type Group } from '../../shared/domain/groups';
import { shownVote, type NoteTally } from '../../shared/domain/votes';
import { useDocValue } from '../workshop/useDocValue';
import { useOptionalWorkshop } from '../workshop/WorkshopContext';
import { ThreadStrands } from './ThreadStrands';
import './canvas.css';

/** The badge's radius, the small dots' radius and the gap between them (page units). */
const BADGE = 26;
const DOT = 8;
const DOT_GAP = 4;
/** Dots drawn per note at most; the number in the badge says the rest. */
const MOST_DOTS = 12;

interface Placed {
  noteId: string;
  total: number;
  colors: string[];
  x: number;
  y: number;
}

/** One colour per dot, group by group in the legend's order. */
function dotColors(byGroup: Partial<Record<Group, number>>): string[] {
  return GROUPS.flatMap((group) => Array.from({ length: byGroup[group] ?? 0 }, () => GROUP_STYLES[group].hex)).slice(0, MOST_DOTS);
}

/**
 * The result of the vote shown to the room, on the board itself: a badge with the number of
 * dots at each voted note's corner and a small dot per dot in its group's colour. Drawn from
 * the tally (nothing is stored on the board), on everyone's canvas and the projector's. The
 * numbers for a screen reader are in the votes panel's result; here they are only drawn.
 */
export function VoteDots() {
  const editor = useEditor();
  const workshop = useOptionalWorkshop();
  const text = useDocValue(workshop?.doc ?? null, (doc) => {
    const vote = shownVote(doc);
    return vote?.state === 'revealed' && vote.tally ? JSON.stringify(vote.tally.notes.filter((note) => note.total > 0)) : '[]';
  }) ?? '[]';
  const notes = useMemo(() => JSON.parse(text) as NoteTally[], [text]);
  const placed = useValue(
    'vote dots',
    () => {
      const pageId = editor.getCurrentPageId();
      return notes.flatMap((note): Placed[] => {
        const shape = editor.getShape(note.noteId as TLShapeId);
        if (!shape || shape.type !== 'note' || editor.getAncestorPageId(shape) !== pageId || editor.isShapeHidden(shape)) return [];
        const bounds = editor.getShapePageBounds(shape);
        if (!bounds) return [];
        return [{ noteId: note.noteId, total: note.total, colors: dotColors(note.byGroup), x: bounds.maxX, y: bounds.y }];
      });
    },
    [editor, notes],
  );
  if (placed.length === 0) return null;
  return (
    <svg className="flet-vote-dots" aria-hidden="true" data-testid="vote-dots">
      {placed.map((note) => (
        <g key={note.noteId} data-note-id={note.noteId} data-total={note.total}>
          {note.colors.map((color, index) => (
            <circle
              key={index}
              cx={note.x - BADGE * 2 - DOT - index * (DOT * 2 + DOT_GAP)}
              cy={note.y}
              r={DOT}
              fill={color}
              stroke="#ffffff"
              strokeWidth={2}
            />
          ))}
          <circle cx={note.x - BADGE / 2} cy={note.y} r={BADGE} fill="#1d1d1f" stroke="#ffffff" strokeWidth={3} />
          <text x={note.x - BADGE / 2} y={note.y} className="flet-vote-total" textAnchor="middle" dominantBaseline="central" fill="#ffffff">
            {note.total}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** What tldraw draws on the canvas with the shapes: the threads' strands under them, the shown vote's dots above. */
export function StrandsAndVoteDots() {
  return (
    <>
      <ThreadStrands />
      <VoteDots />
    </>
  );
}
