import type { ExportDocument } from './exportDocument';

/** The document as Markdown, every piece of user text escaped (markdownEscape.ts). */
export function renderMarkdown(document: ExportDocument): string {
  void document;
  throw new Error('not built yet');
}
