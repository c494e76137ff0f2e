import type { ExportDocument, WeaveFigure } from '../../shared/export/exportDocument';
import { renderMarkdown } from '../../shared/export/markdown';
import type { DocumentFormat, FigureFormat } from './formats';
import { renderDocx } from './docx';
import { renderHtml } from './html';
import { renderPdf } from './pdf';
import { weavePng } from './weavePng';
import { weaveSvg } from './weaveSvg';

/**
 * The renderers of exported documents and of the weave figure. They run in the export worker
 * (exportFile.ts), so their libraries (docx, pdfkit with its fonts, resvg, React's server
 * renderer) are loaded only in that thread, and only once a file is asked for.
 */


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

/** The weave figure alone, as a standalone SVG document or a PNG image. */
export async function renderWeave(figure: WeaveFigure, format: FigureFormat): Promise<RenderedFile> {
  if (format === 'svg') return { body: weaveSvg(figure), contentType: 'image/svg+xml; charset=utf-8', extension: 'svg' };
  return { body: weavePng(figure), contentType: 'image/png', extension: 'png' };
}
