/** Pure renderings of a workshop's document into the formats that leave the room. */
export { narrativeMarkdown } from './narrativeMarkdown';
export { narrativeDocument } from './narrativeDocument';
export { gatheringReport } from './gatheringReport';
export { renderMarkdown } from './markdown';
export { escapeMarkdown } from './markdownEscape';
export type { Block, ExportDocument, ExportLabels, Field, Footnote, Inline, Quote, WeaveFigure } from './exportDocument';
export { countWords, exportWords, formatDay, type ExportWords } from './exportWords';
export { currentFacts, gatheringExport, workshopExport, type WorkshopExport, type WorkshopFacts } from './workshopJson';
