import type * as Y from 'yjs';
import { renderMarkdown } from './markdown';
import { narrativeDocument } from './narrativeDocument';
import type { WorkshopFacts } from './workshopJson';

/**
 * The narrative as Markdown in the workshop's language, with footnotes naming each quoted
 * note's group and place, the weave as a list, and the provenance appendix: the document of
 * narrativeDocument.ts through the Markdown renderer, so Markdown says what the other formats say.
 */
export function narrativeMarkdown(doc: Y.Doc, stored: WorkshopFacts, now = Date.now()): string {
  return renderMarkdown(narrativeDocument(doc, stored, now));
}
