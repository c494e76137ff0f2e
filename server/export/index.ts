import type { ExportDocument, WeaveFigure } from '../../shared/export/exportDocument';
import { renderMarkdown } from '../../shared/export/markdown';

/**
 * The server's renderers of exported documents and of the weave figure. The DOCX, PDF, HTML
 * and image libraries (docx, pdfkit with its fonts, resvg, React's server renderer) weigh about
 * 20 MB of a server's memory, and most workshops never export: each renderer is loaded the
 * first time it is asked for (the built server keeps them in chunks of their own).
 */

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
    case 'html': {
      const { renderHtml } = await import('./html');
      return { body: renderHtml(document), contentType: 'text/html; charset=utf-8', extension: 'html' };
    }
    case 'docx': {
      const { renderDocx } = await import('./docx');
      return { body: await renderDocx(document), contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' };
    }
    case 'pdf': {
      const { renderPdf } = await import('./pdf');
      return { body: await renderPdf(document), contentType: 'application/pdf', extension: 'pdf' };
    }
  }
}

/** The weave figure alone, as a standalone SVG document or a PNG image. */
export async function renderWeave(figure: WeaveFigure, format: 'svg' | 'png'): Promise<RenderedFile> {
  if (format === 'svg') {
    const { weaveSvg } = await import('./weaveSvg');
    return { body: weaveSvg(figure), contentType: 'image/svg+xml; charset=utf-8', extension: 'svg' };
  }
  const { weavePng } = await import('./weavePng');
  return { body: weavePng(figure), contentType: 'image/png', extension: 'png' };
}
