import type { ExportDocument } from '../../shared/export/exportDocument';

/** The document as a Word file (DOCX), footnotes as Word footnotes. */
export async function renderDocx(document: ExportDocument): Promise<Buffer> {
  void document;
  throw new Error('not built yet');
}
