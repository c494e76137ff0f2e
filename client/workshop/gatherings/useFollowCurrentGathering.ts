import { useEffect, useRef, useState } from 'react';
import { currentGatheringId, gatheringOf, type Gathering } from '../../../shared/domain/gatherings';
import { useDocValue } from '../useDocValue';
import { useWorkshop } from '../WorkshopContext';
import { goToGathering } from './useGatheringHere';

/** What following the facilitator's current gathering did, for the person to be told. */
export interface CurrentGatheringFollow {
  /** The current gathering moved on while this person was elsewhere: offered, not forced. */
  offered: Gathering | null;
  /** The current gathering this person was just moved to with everyone. */
  movedTo: Gathering | null;
  dismiss(): void;
}

/**
 * Everyone opens on the facilitator's current gathering. When the facilitator makes another
 * gathering current, whoever was on the old one moves with it; whoever had gone elsewhere is
 * offered the way there instead of being pulled away from their work.
 */
export function useFollowCurrentGathering(): CurrentGatheringFollow {
  const { doc, editor } = useWorkshop();
  const currentId = useDocValue(doc, currentGatheringId);
  const seen = useRef<string | null | undefined>(undefined);
  const [offeredId, setOfferedId] = useState<string | null>(null);
  const [movedToId, setMovedToId] = useState<string | null>(null);

  useEffect(() => {
    if (!editor || currentId === undefined) return;
    const current = currentId ? gatheringOf(doc, currentId) : undefined;
    if (seen.current === undefined) {
      // Opening the board: to the current gathering's page.
      seen.current = currentId;
      if (current) goToGathering(editor, current);
      return;
    }
    if (seen.current === currentId) return;
    const previous = seen.current ? gatheringOf(doc, seen.current) : undefined;
    seen.current = currentId;
    if (!current) return;
    const page = editor.getCurrentPageId();
    if (page === current.pageId) {
      setOfferedId(null);
    } else if (!previous || page === previous.pageId) {
      goToGathering(editor, current);
      setOfferedId(null);
      setMovedToId(current.id);
    } else {
      setOfferedId(current.id);
    }
  }, [doc, editor, currentId]);

  const offered = useDocValue(doc, (d) => (offeredId ? (gatheringOf(d, offeredId) ?? null) : null), [offeredId]) ?? null;
  const movedTo = useDocValue(doc, (d) => (movedToId ? (gatheringOf(d, movedToId) ?? null) : null), [movedToId]) ?? null;
  return {
    offered,
    movedTo,
    dismiss: () => {
      setOfferedId(null);
      setMovedToId(null);
    },
  };
}
