/**
 * Escaping of user text for Markdown (CommonMark and GitHub's), so a note reads as the words it
 * holds in any renderer and runs nothing, and a person reading the file itself is not met by a
 * backslash before every full stop:
 * - `&`, `<` and `>` become entities: no HTML tag, no block quote;
 * - everything that opens emphasis, code, a link or an image, a table cell, strikethrough or
 *   a heading's closing `#` gets a backslash wherever it stands;
 * - what starts a block only at the start of a line (a heading, a list item, a numbered item,
 *   a setext underline or a thematic break) gets one there;
 * - a web address is kept from turning into a link by itself (`https\://`, `www\.`).
 * Line breaks are the caller's: text is escaped one line at a time, and each piece of text is
 * escaped as if it started a line, which costs a backslash at most where it does not.
 */
const ANYWHERE = /[\\`*_{}[\]#|~]/g;
/** A list item, setext underline or thematic break (`-`, `+`, `=`), after any indentation. */
const BLOCK_MARK = /^(\s*)([+\-=])/;
/** A numbered list item ("1." or "1)"). */
const NUMBERED = /^(\s*)(\d{1,9})([.)])/;
/** Where an address would become a link by itself (GitHub's autolinks). */
const SCHEME = /:(?=\/\/)/g;
const WWW = /\b(www)\./gi;

/** One line of user text, safe inside Markdown prose. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(ANYWHERE, (character) => `\\${character}`)
    .replace(SCHEME, '\\:')
    .replace(WWW, '$1\\.')
    .replace(BLOCK_MARK, '$1\\$2')
    .replace(NUMBERED, '$1$2\\$3');
}

/** User text on one line (a quote in a list, a heading): line breaks become spaces. */
export function escapeInline(text: string): string {
  return escapeMarkdown(text.replace(/\s*\n\s*/g, ' ').trim());
}
