import type { ExportDocument } from '../../shared/export/exportDocument';

/** The document as a PDF on A4, drawn in Node from data alone (no file or URL is ever opened for it). */
export async function renderPdf(document: ExportDocument): Promise<Buffer> {
  void document;
  throw new Error('not built yet');
}
