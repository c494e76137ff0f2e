import { useCallback, useEffect, useRef, useState } from 'react';
import type { BoardPlace } from '../../../shared/domain/live';
import { summonsOf } from '../../../shared/domain/live';
import { currentStep } from '../../../shared/domain/steps';
import { useDocValue } from '../useDocValue';
import { useWorkshop } from '../WorkshopContext';
import { framePlace, isAwayFrom, showPlace } from './boardPlace';

/** How often a participant's view is compared with where the facilitator brought everyone. */
const AWAY_CHECK_MS = 1_000;

interface Target {
  place: BoardPlace;
  kind: 'summons' | 'frame';
}

/** Where the facilitator last brought everyone, and the way back there. */
export interface FacilitatorFollow {
  /** This participant has moved away from the last summons or step frame. */
  away: boolean;
  /** Back to where the facilitator brought everyone. */
  goBack(): void;
}

/**
 * Everyone's view goes where the facilitator takes the room: a participant's to each new
 * "bring everyone here" and to the frame of each new current step, the facilitator's own to
 * the new step's frame (the projector follows the facilitator). This reacts to the document
 * (the summons' id, the step's id), never to the camera: the camera of a person who pans
 * is compared with the place once a second, which costs nothing per frame.
 */
export function useFollowFacilitator(): FacilitatorFollow {
  const { doc, editor, identity } = useWorkshop();
  const participant = identity.role === 'participant';
  const summonsId = useDocValue(doc, (d) => summonsOf(d)?.id ?? null);
  const step = useDocValue(doc, (d) => {
    const current = currentStep(d);
    return current ? `${current.id} ${current.frameId ?? ''}` : null;
  });
  const seen = useRef<{ summons: string | null; step: string | null } | null>(null);
  const [target, setTarget] = useState<Target | null>(null);
  const [away, setAway] = useState(false);

  useEffect(() => {
    if (!editor || summonsId === undefined || step === undefined) return;
    const frameId = step?.split(' ')[1] || null;
    const toFrame = (): void => {
      const place = framePlace(editor, frameId);
      if (!place) return;
      showPlace(editor, place, 'frame');
      setTarget({ place, kind: 'frame' });
    };
    if (seen.current === null) {
      // Opening the board: everyone starts at the step the room is on (the projector follows
      // the facilitator, who starts there too).
      seen.current = { summons: summonsId, step };
      if (step) toFrame();
      return;
    }
    const previous = seen.current;
    seen.current = { summons: summonsId, step };
    if (step !== previous.step && step) {
      toFrame();
    } else if (summonsId !== previous.summons && summonsId && participant) {
      const summons = summonsOf(doc);
      if (!summons) return;
      showPlace(editor, summons, 'summons');
      setTarget({ place: summons, kind: 'summons' });
    }
  }, [doc, editor, summonsId, step, participant]);

  useEffect(() => {
    setAway(false);
    if (!editor || !target || !participant) return;
    const check = setInterval(() => setAway(isAwayFrom(editor, target.place)), AWAY_CHECK_MS);
    return () => clearInterval(check);
  }, [editor, target, participant]);

  const goBack = useCallback(() => {
    if (!editor || !target) return;
    showPlace(editor, target.place, target.kind);
    setAway(false);
  }, [editor, target]);

  return { away: participant && away, goBack };
}
