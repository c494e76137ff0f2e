import type { Block, ExportDocument, Field, Inline, Quote, WeaveFigure } from './exportDocument';
import { countWords, exportWords, type ExportWords } from './exportWords';
import { escapeInline, escapeMarkdown } from './markdownEscape';

/**
 * The document as Markdown, every piece of user text escaped (markdownEscape.ts): only the
 * layout is Markdown. Footnotes are Markdown footnotes (`[^1]`, defined at the end), a table
 * a pipe table, the weave figure a list of its threads, each with the gatherings it runs
 * through and the sections it ends in.
 */
export function renderMarkdown(document: ExportDocument): string {
  const words = exportWords(document.language);
  const lines: string[] = [`# ${escapeInline(document.title)}`, '', escapeInline(document.subtitle), ''];
  for (const block of document.blocks) lines.push(...blockLines(block, words), '');
  if (document.footnotes.length > 0) {
    document.footnotes.forEach((footnote, index) => lines.push(`[^${index + 1}]: ${escapeInline(footnote.text)}`));
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Text runs on one line: each run escaped, strong runs in `**`, footnote marks as `[^n]`. */
export function inlineMarkdown(content: readonly Inline[]): string {
  const text = content
    .map((run) => {
      if ('footnote' in run) return `[^${run.footnote}]`;
      const flat = run.text.replace(/\s*\n\s*/g, ' ');
      if (!run.strong || flat.trim() === '') return escapeMarkdown(flat);
      // Emphasis must hug its words: the spaces around them stay outside the stars.
      const [, before, words, after] = /^(\s*)(.*?)(\s*)$/s.exec(flat) as RegExpExecArray;
      return `${before}**${escapeMarkdown(words)}**${after}`;
    })
    .join('');
  // Leading spaces would make an indented code block of a paragraph.
  return text.trim();
}

function blockLines(block: Block, words: ExportWords): string[] {
  switch (block.kind) {
    case 'heading':
      return [`${'#'.repeat(block.level)} ${escapeInline(block.text)}`];
    case 'paragraph':
      return [inlineMarkdown(block.content)];
    case 'remark':
      return [`_${escapeInline(block.text)}_`];
    case 'fields':
      return block.fields.flatMap((field) => [fieldLine(field), '']).slice(0, -1);
    case 'list':
      return block.items.map((item) => `- ${inlineMarkdown(item)}`);
    case 'quotes':
      return block.quotes.map((quote) => `- ${quoteLine(quote, words)}`);
    case 'table':
      return tableLines(block.caption, block.columns, block.rows);
    case 'weave':
      return weaveLines(block.figure);
  }
}

function fieldLine(field: Field): string {
  return `**${escapeInline(field.label)}:** ${escapeInline(field.value)}`;
}

/** “text” — source · 3 dots. */
function quoteLine(quote: Quote, words: ExportWords): string {
  const dots = quote.dots === undefined ? '' : ` · ${escapeInline(countWords(words, 'dots', quote.dots))}`;
  return `“${escapeInline(quote.text)}” — ${escapeInline(quote.source)}${dots}`;
}

function cell(value: string | number): string {
  return typeof value === 'number' ? String(value) : escapeInline(value) || ' ';
}

/** The caption in bold, then a pipe table; number columns align right. */
function tableLines(caption: string, columns: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string[] {
  const numeric = columns.map((_, index) => rows.length > 0 && rows.every((row) => typeof row[index] === 'number'));
  return [
    `**${escapeInline(caption)}**`,
    '',
    `| ${columns.map(cell).join(' | ')} |`,
    `| ${numeric.map((right) => (right ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((row) => `| ${columns.map((_, index) => cell(row[index] ?? '')).join(' | ')} |`),
  ];
}

/** The weave as text: its caption, then each thread with the gatherings it runs through → the sections it ends in. */
function weaveLines(figure: WeaveFigure): string[] {
  const { weave } = figure;
  const gatherings = new Map(weave.gatherings.map((gathering) => [gathering.id, gathering]));
  const sections = new Map(weave.sections.map((section) => [section.id, section]));
  const lines = [`**${escapeInline(figure.caption)}**`, ''];
  for (const strand of weave.strands) {
    const stops = strand.stops.flatMap((stop) => {
      const gathering = gatherings.get(stop.gatheringId);
      if (!gathering) return [];
      const facts = figure.gatheringFacts[gathering.id];
      return [escapeInline(facts ? `${gathering.title} (${facts})` : gathering.title)];
    });
    const ends = strand.sectionIds.map((id) => escapeInline(sections.get(id)?.heading.trim() || figure.beforeFirstHeading));
    const title = escapeInline(strand.title.trim() || figure.untitledThread);
    const route = [stops.join(', '), ends.length > 0 ? `→ ${escapeInline(figure.narrativeLabel)}: ${ends.join(', ')}` : ''].filter(Boolean).join(' ');
    lines.push(route ? `- ${title}: ${route}` : `- ${title}`);
  }
  if (weave.strands.length === 0) lines.pop();
  return lines;
}
