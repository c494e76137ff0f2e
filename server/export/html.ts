import type { ExportDocument } from '../../shared/export/exportDocument';

/** The document as one self-contained HTML page, clean on screen and printed on A4. */
export function renderHtml(document: ExportDocument): string {
  void document;
  throw new Error('not built yet');
}
