/**
 * Escaping of user text for Markdown: every metacharacter that could start emphasis, a link,
 * an image, a heading (a setext underline too), a list, a table cell or code gets a backslash,
 * and `<`, `>`, `&` become entities (no HTML tag), so a note reads as the words it holds in any
 * renderer and runs nothing. Line breaks are the caller's: text is escaped one line at a time.
 */
const METACHARACTERS = /[\\`*_{}[\]()#+\-.!|~:=]/g;

/** One line of user text, safe inside Markdown prose. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(METACHARACTERS, (character) => `\\${character}`);
}

/** User text on one line (a quote in a list, a heading): line breaks become spaces. */
export function escapeInline(text: string): string {
  return escapeMarkdown(text.replace(/\s*\n\s*/g, ' ').trim());
}

/** User text as paragraphs: each non-empty line its own paragraph. */
export function escapeParagraphs(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map(escapeMarkdown);
}
