import type * as Y from 'yjs';
import { gatheringsOf, type Gathering } from '../../../shared/domain/gatherings';
import { processNotesOf, type ProcessNote } from '../../../shared/domain/notes';

/**
 * The gathering of any note, as `gatheringOfNote` answers (the one its meta names, else the
 * one whose page it is on), with the gatherings read once: views ask it for every note of
 * the board after each change, and reading the gatherings per note costs more than the rest.
 */
export function gatheringOfNoteIn(doc: Y.Doc): (note: Pick<ProcessNote, 'gatheringId' | 'pageId'>) => Gathering | undefined {
  const gatherings = gatheringsOf(doc);
  const byId = new Map(gatherings.map((gathering) => [gathering.id, gathering]));
  const byPage = new Map<string, Gathering>();
  for (const gathering of gatherings) if (!byPage.has(gathering.pageId)) byPage.set(gathering.pageId, gathering);
  return (note) => (note.gatheringId ? byId.get(note.gatheringId) : undefined) ?? (note.pageId ? byPage.get(note.pageId) : undefined);
}

/** How many notes each gathering holds, by gathering id (a gathering without notes is absent). */
export function noteCountsByGathering(doc: Y.Doc): Map<string, number> {
  const gatheringOf = gatheringOfNoteIn(doc);
  const counts = new Map<string, number>();
  for (const note of processNotesOf(doc)) {
    const gathering = gatheringOf(note);
    if (gathering) counts.set(gathering.id, (counts.get(gathering.id) ?? 0) + 1);
  }
  return counts;
}
