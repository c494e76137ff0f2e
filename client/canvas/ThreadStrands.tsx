import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { react, useEditor, useValue, type Editor, type TLShapeId } from 'tldraw';
import type * as Y from 'yjs';
import { threadsOf } from '../../shared/domain/threads';
import { useDocValue } from '../workshop/useDocValue';
import { useOptionalWorkshop } from '../workshop/WorkshopContext';
import { roomHighlight, setRoomHighlight } from './roomHighlight';
import { strandsOnPage, type Box, type Strand } from './threadStrands';
import './canvas.css';

/** How long the camera stays still before the strands are painted sharp again at its zoom. */
const SETTLE_MS = 300;

/** Room around a highlighted note, and the size of the knots that mark a note's threads (page units). */
const HALO = 12;
const KNOT = 9;

/**
 * Threads on the canvas: a coloured strand per thread through its notes on this page, in the
 * thread's order, drawn from the threads' data under the shapes (nothing of it is stored on
 * the board). A knot above each linked note says which threads it is in. The thread opened
 * in the threads panel (on the projector: the one the facilitator opened) is drawn stronger,
 * its notes ringed and numbered, and the others fade.
 */
export function ThreadStrands() {
  const editor = useEditor();
  const workshop = useOptionalWorkshop();
  const doc = workshop?.doc ?? null;
  const role = workshop?.identity.role;
  const read = useDocValue(doc, threadsOf);
  // The document changes with every drag of a note; the strands' threads only when a thread
  // does, so the drawing is worked out again from the editor's changes alone.
  const shape = (read ?? []).map((thread) => `${thread.id}\u0000${thread.title}\u0000${thread.noteIds.join(' ')}`).join('\u0001');
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const threads = useMemo(() => read ?? [], [shape]);
  const shownToRoom = useDocValue(doc, roomHighlight) ?? null;
  const selected = workshop?.selectedThreadId ?? null;
  const highlighted = role === 'projector' ? shownToRoom : selected;
  useShowRoomWhatFacilitatorOpens(role === 'facilitator' ? doc : null, selected);

  const strands = useValue(
    'thread strands',
    () => {
      const pageId = editor.getCurrentPageId();
      return strandsOnPage(threads, (noteId): Box | null => {
        const shape = editor.getShape(noteId as TLShapeId);
        // A note hidden from this person (by the facilitator) gives its place away by no strand either.
        if (!shape || shape.type !== 'note' || editor.getAncestorPageId(shape) !== pageId || editor.isShapeHidden(shape)) return null;
        const bounds = editor.getShapePageBounds(shape);
        return bounds ? { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h } : null;
      });
    },
    [editor, threads],
  );
  const layer = useLayerWhileCameraMoves(editor, strands.length > 0);
  if (strands.length === 0) return null;

  // The highlighted strand is drawn last, over the others.
  const ordered = [...strands].sort((a, b) => Number(a.threadId === highlighted) - Number(b.threadId === highlighted));
  const ranks = knotRanks(ordered);
  return (
    <svg
      ref={layer}
      className="flet-strands"
      aria-hidden="true"
      data-testid="thread-strands"
      data-highlighted={highlighted ?? undefined}
    >
      {ordered.map((strand) => (
        <StrandDrawing
          key={strand.threadId}
          strand={strand}
          highlighted={strand.threadId === highlighted}
          faded={highlighted !== null && strands.some((s) => s.threadId === highlighted) && strand.threadId !== highlighted}
          ranks={ranks}
        />
      ))}
    </svg>
  );
}

/** Where each strand's knot sits above a note that is in several threads: first, second… */
function knotRanks(strands: readonly Strand[]): Map<string, number> {
  const perNote = new Map<string, number>();
  const ranks = new Map<string, number>();
  for (const strand of strands) {
    for (const { noteId } of strand.notes) {
      const rank = perNote.get(noteId) ?? 0;
      perNote.set(noteId, rank + 1);
      ranks.set(`${strand.threadId}/${noteId}`, rank);
    }
  }
  return ranks;
}

interface StrandDrawingProps {
  strand: Strand;
  highlighted: boolean;
  faded: boolean;
  ranks: Map<string, number>;
}

function StrandDrawing({ strand, highlighted, faded, ranks }: StrandDrawingProps) {
  const width = highlighted ? 9 : 5;
  const first = strand.notes[0].box;
  return (
    <g className="flet-strand" data-thread-id={strand.threadId} data-highlighted={highlighted} opacity={faded ? 0.3 : 1}>
      {highlighted &&
        strand.notes.map(({ noteId, box }) => (
          <rect
            key={noteId}
            className="flet-strand-halo"
            x={box.x - HALO}
            y={box.y - HALO}
            width={box.w + HALO * 2}
            height={box.h + HALO * 2}
            rx={HALO}
            fill="none"
            stroke={strand.color}
            strokeWidth={6}
            vectorEffect="non-scaling-stroke"
          />
        ))}
      {strand.path && (
        <>
          <path d={strand.path} fill="none" stroke="#ffffff" strokeWidth={width + 4} strokeLinecap="round" vectorEffect="non-scaling-stroke" />
          <path className="flet-strand-path" d={strand.path} fill="none" stroke={strand.color} strokeWidth={width} strokeLinecap="round" vectorEffect="non-scaling-stroke" />
        </>
      )}
      {strand.notes.map(({ noteId, box, order }) => {
        const rank = ranks.get(`${strand.threadId}/${noteId}`) ?? 0;
        const radius = highlighted ? KNOT * 1.6 : KNOT;
        const x = box.x + 18 + rank * (KNOT * 2.6);
        const y = box.y - radius - 2;
        return (
          <g key={noteId}>
            <circle cx={x} cy={y} r={radius} fill={strand.color} stroke="#ffffff" strokeWidth={2} />
            {highlighted && (
              <text x={x} y={y} className="flet-strand-order" textAnchor="middle" dominantBaseline="central" fill="#ffffff">
                {order}
              </text>
            )}
          </g>
        );
      })}
      {highlighted && (
        <text className="flet-strand-title" x={first.x} y={first.y - KNOT * 3.6 - 6} fill={strand.color}>
          {strand.title}
        </text>
      )}
    </g>
  );
}

/**
 * While the camera moves, the strands are a layer of their own, which the camera moves
 * without painting them again: painted on every frame of a pan, the strands of a big board
 * cost about a frame's budget. Once the camera has settled they are painted again at its
 * zoom, so they are sharp (a layer of its own keeps the scale it was painted at).
 */
function useLayerWhileCameraMoves(editor: Editor, drawn: boolean): RefObject<SVGSVGElement | null> {
  const layer = useRef<SVGSVGElement>(null);
  useEffect(() => {
    if (!drawn) return;
    let settle: ReturnType<typeof setTimeout> | undefined;
    const stop = react('strands layer while the camera moves', () => {
      const moving = editor.getCameraState() === 'moving';
      if (moving) {
        clearTimeout(settle);
        settle = undefined;
        layer.current?.style.setProperty('will-change', 'transform');
      } else {
        settle ??= setTimeout(() => {
          settle = undefined;
          layer.current?.style.removeProperty('will-change');
        }, SETTLE_MS);
      }
    });
    return () => {
      stop();
      clearTimeout(settle);
    };
  }, [editor, drawn]);
  return layer;
}

/**
 * The facilitator's open thread is the room's: when the facilitator opens or closes a thread,
 * the projector shows the same. Only changes are written, so opening the board does not
 * clear what another of the facilitator's tabs shows.
 */
function useShowRoomWhatFacilitatorOpens(doc: Y.Doc | null, threadId: string | null): void {
  const previous = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (!doc) return;
    if (previous.current !== undefined && previous.current !== threadId) setRoomHighlight(doc, threadId);
    previous.current = threadId;
  }, [doc, threadId]);
}
