import type * as Y from 'yjs';
import type { ExportDocument } from './exportDocument';
import type { WorkshopFacts } from './workshopJson';

/**
 * One gathering's report: the facilitator's summary (and, with report goals, the text per
 * goal), each step with its notes grouped by stakeholder group, the revealed votes' results
 * per group, the threads it touched, and the weave. Null when there is no such gathering.
 */
export function gatheringReport(doc: Y.Doc, stored: WorkshopFacts, gatheringId: string, now = Date.now()): ExportDocument | null {
  void doc;
  void stored;
  void gatheringId;
  void now;
  throw new Error('not built yet');
}
