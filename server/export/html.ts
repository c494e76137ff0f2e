import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ExportDocument } from '../../shared/export/exportDocument';
import { HtmlPage } from './htmlPage';

/** The document as one self-contained HTML page, clean on screen and printed on A4. */
export function renderHtml(document: ExportDocument): string {
  return `<!doctype html>\n${renderToStaticMarkup(createElement(HtmlPage, { document }))}\n`;
}
