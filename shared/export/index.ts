/** Pure renderings of a workshop's document into the formats that leave the room. */
export { narrativeMarkdown } from './narrativeMarkdown';
export { escapeMarkdown } from './markdownEscape';
export { currentFacts, workshopExport, type WorkshopExport, type WorkshopFacts } from './workshopJson';
