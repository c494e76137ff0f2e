import type * as Y from 'yjs';
import type { ExportDocument } from './exportDocument';
import type { WorkshopFacts } from './workshopJson';

/**
 * The narrative as a document: its sections with footnotes that name the notes each quotes
 * (group, place), the weave figure, and the provenance appendix (the threads woven in, their
 * notes, groups, places and learnings).
 */
export function narrativeDocument(doc: Y.Doc, stored: WorkshopFacts, now = Date.now()): ExportDocument {
  void doc;
  void stored;
  void now;
  throw new Error('not built yet');
}
