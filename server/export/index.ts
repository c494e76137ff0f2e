import type { ExportDocument } from '../../shared/export/exportDocument';
import { renderMarkdown } from '../../shared/export/markdown';
import { renderDocx } from './docx';
import { renderHtml } from './html';
import { renderPdf } from './pdf';

/** The formats a narrative or a gathering's report is exported in. */
export const DOCUMENT_FORMATS = ['md', 'html', 'docx', 'pdf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export interface RenderedFile {
  body: Buffer | string;
  contentType: string;
  extension: string;
}

/** One document in one format. */
export async function renderDocument(document: ExportDocument, format: DocumentFormat): Promise<RenderedFile> {
  switch (format) {
    case 'md':
      return { body: renderMarkdown(document), contentType: 'text/markdown; charset=utf-8', extension: 'md' };
    case 'html':
      return { body: renderHtml(document), contentType: 'text/html; charset=utf-8', extension: 'html' };
    case 'docx':
      return { body: await renderDocx(document), contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' };
    case 'pdf':
      return { body: await renderPdf(document), contentType: 'application/pdf', extension: 'pdf' };
  }
}

export { weaveSize, weaveSvg, weaveSvgElement } from './weaveSvg';
export { weavePng } from './weavePng';
