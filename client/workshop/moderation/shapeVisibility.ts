import type { TLShape } from 'tldraw';
import type { Identity } from '../../../shared/domain/identity';
import { isHiddenRecord } from '../../../shared/domain/moderation';

/** tldraw's answer for whether a shape is drawn: 'hidden' leaves it out of drawing and hit tests. */
export type ShapeVisibility = (shape: TLShape) => 'hidden' | 'inherit';

/**
 * Which shapes a person's canvas leaves out: a note the facilitator hid is drawn for the
 * facilitator (dimmed and marked) and for its author (marked), and for nobody else, the
 * projector included. Undefined for the facilitator, who sees everything. Made once per
 * person: tldraw builds a new editor when this function changes.
 */
export function shapeVisibilityFor(identity: Identity): ShapeVisibility | undefined {
  if (identity.role === 'facilitator') return undefined;
  const own = identity.role === 'participant' ? identity.participantId : null;
  return (shape) => (isHiddenRecord(shape) && (own === null || shape.meta.participantId !== own) ? 'hidden' : 'inherit');
}
