/** The server's export files: made in a worker thread from a copy of the document. */
export { DOCUMENT_FORMATS, FIGURE_FORMATS, type DocumentFormat, type FigureFormat } from './formats';
export { closeExports, ExportsBusy, makeExportFile } from './exportPool';
export type { ExportedFile, ExportWanted } from './exportFile';
