import type * as Y from 'yjs';
import { gatheringOfNote } from '../../../shared/domain/gatherings';
import { processNotesOf } from '../../../shared/domain/notes';

/** How many notes each gathering holds, by gathering id (a gathering without notes is absent). */
export function noteCountsByGathering(doc: Y.Doc): Map<string, number> {
  const counts = new Map<string, number>();
  for (const note of processNotesOf(doc)) {
    const gathering = gatheringOfNote(doc, note);
    if (gathering) counts.set(gathering.id, (counts.get(gathering.id) ?? 0) + 1);
  }
  return counts;
}
