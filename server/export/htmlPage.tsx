import type { ReactNode } from 'react';
import type { Language } from '../../shared/domain/languages';
import type { Block, ExportDocument, ExportLabels, Inline, Quote } from '../../shared/export/exportDocument';
import { countWords, exportWords } from '../../shared/export/exportWords';
import { documentStyle } from './htmlStyle';
import { weaveSvgElement } from './weaveSvg';

/*
 * The exported document as React elements, rendered once to static markup on the server.
 * React escapes every text child and attribute, so a note's words stay words. The only markup
 * that is not escaped here is the style sheet (its one user word, the title, is a CSS escape,
 * see htmlStyle.ts) and the weave's SVG, which weaveSvg.tsx renders with React too.
 */

/**
 * No script, no frame, no request: the page is a file that may be opened anywhere, so it
 * forbids all of them even if something slipped through. Images only as inline data.
 */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const noteId = (footnote: number) => `note-${footnote}`;
/** A note's first mark gets `ref-n`, each later mark of the same note `ref-n-2`, `ref-n-3`, … */
const markId = (footnote: number, occurrence: number) => (occurrence === 1 ? `ref-${footnote}` : `ref-${footnote}-${occurrence}`);

/** Counts the marks of each footnote as the blocks are rendered, so each mark's id is unique. */
class MarkCounter {
  private readonly seen = new Map<number, number>();

  next(footnote: number): number {
    const occurrence = (this.seen.get(footnote) ?? 0) + 1;
    this.seen.set(footnote, occurrence);
    return occurrence;
  }
}

function Runs({ content, marks, footnoteCount }: { content: Inline[]; marks: MarkCounter; footnoteCount: number }) {
  return (
    <>
      {content.map((inline, index) => {
        if ('footnote' in inline) {
          // A mark that names no note would be a link to nowhere: it is left out.
          if (!Number.isInteger(inline.footnote) || inline.footnote < 1 || inline.footnote > footnoteCount) return null;
          return (
            <sup className="mark" key={index}>
              <a id={markId(inline.footnote, marks.next(inline.footnote))} href={`#${noteId(inline.footnote)}`}>
                {inline.footnote}
              </a>
            </sup>
          );
        }
        return inline.strong ? <strong key={index}>{inline.text}</strong> : inline.text;
      })}
    </>
  );
}

function Quotes({ quotes, language }: { quotes: Quote[]; language: Language }) {
  return (
    <div className="quotes">
      {quotes.map((quote, index) => (
        <figure className="quote" key={index}>
          <blockquote>
            <p>{quote.text}</p>
          </blockquote>
          <figcaption>
            <span className="source">— {quote.source}</span>
            {quote.dots !== undefined ? (
              <>
                {' '}
                <Dots count={quote.dots} language={language} />
              </>
            ) : null}
          </figcaption>
        </figure>
      ))}
    </div>
  );
}

/** Dots a note got in a vote: a few drawn dots for the eye, "3 prikker" for everyone. */
function Dots({ count, language }: { count: number; language: Language }) {
  const drawn = Math.min(Math.max(Math.round(count), 0), 5);
  return (
    <span className="dots">
      <span aria-hidden="true">{'●'.repeat(drawn)}</span> {countWords(exportWords(language), 'dots', count)}
    </span>
  );
}

/**
 * A table in a frame that scrolls sideways when its columns are wider than a phone; the frame
 * takes the focus so that it scrolls by keyboard too, and is named by the table's caption.
 */
function Table({ block, id }: { block: Extract<Block, { kind: 'table' }>; id: string }) {
  const cell = (value: string | number) => (typeof value === 'number' ? String(value) : value);
  // A column of numbers is set to the right, its header with it.
  const numeric = block.columns.map((_, index) => index > 0 && block.rows.every((row) => typeof row[index] === 'number'));
  return (
    <div className="table-frame" role="region" aria-labelledby={id} tabIndex={0}>
      <table>
        <caption id={id}>
          <span>{block.caption}</span>
        </caption>
        <thead>
          <tr>
            {block.columns.map((column, index) => (
              <th scope="col" key={index} className={numeric[index] ? 'number' : undefined}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {block.rows.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {row.map((value, index) =>
                index === 0 ? (
                  <th scope="row" key={index}>
                    {cell(value)}
                  </th>
                ) : (
                  <td key={index} className={typeof value === 'number' ? 'number' : undefined}>
                    {cell(value)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Weave({ block, labels }: { block: Extract<Block, { kind: 'weave' }>; labels: ExportLabels }) {
  return (
    <figure className="weave">
      {/*
        The drawing is one image to assistive technology; the caption below stays readable.
        On a phone it keeps a readable size and scrolls sideways, so it can take the focus.
      */}
      <div className="drawing" role="img" tabIndex={0} aria-label={labels.weaveDescription} dangerouslySetInnerHTML={{ __html: weaveSvgElement(block.figure) }} />
      <figcaption>{block.figure.caption}</figcaption>
    </figure>
  );
}

function BlockView({ block, index, document, marks }: { block: Block; index: number; document: ExportDocument; marks: MarkCounter }) {
  const footnoteCount = document.footnotes.length;
  switch (block.kind) {
    case 'heading': {
      const Heading = `h${block.level}` as const;
      return <Heading>{block.text}</Heading>;
    }
    case 'paragraph':
      return (
        <p>
          <Runs content={block.content} marks={marks} footnoteCount={footnoteCount} />
        </p>
      );
    case 'remark':
      return <p className="remark">{block.text}</p>;
    case 'fields':
      return (
        <dl className="fields">
          {block.fields.map((field, index) => (
            <div key={index}>
              <dt>{field.label}</dt>
              <dd>{field.value}</dd>
            </div>
          ))}
        </dl>
      );
    case 'list':
      return (
        <ul className="items">
          {block.items.map((item, index) => (
            <li key={index}>
              <Runs content={item} marks={marks} footnoteCount={footnoteCount} />
            </li>
          ))}
        </ul>
      );
    case 'quotes':
      return <Quotes quotes={block.quotes} language={document.language} />;
    case 'table':
      return <Table block={block} id={`table-${index + 1}`} />;
    case 'weave':
      return <Weave block={block} labels={document.labels} />;
  }
}

function Footnotes({ document }: { document: ExportDocument }) {
  if (document.footnotes.length === 0) return null;
  return (
    <section className="notes" aria-labelledby="notes-heading">
      <h2 id="notes-heading" className="notes-heading">
        {document.labels.footnotes}
      </h2>
      <ol>
        {document.footnotes.map((footnote, index) => {
          const number = index + 1;
          return (
            <li id={noteId(number)} key={number}>
              {/* The number leads back to where the note is first referred to. */}
              <a className="number-link" href={`#${markId(number, 1)}`}>
                {number}
              </a>{' '}
              <span>{footnote.text}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** The whole page, from <html> down. */
export function HtmlPage({ document }: { document: ExportDocument }): ReactNode {
  const marks = new MarkCounter();
  return (
    <html lang={document.language}>
      <head>
        <meta charSet="utf-8" />
        <meta httpEquiv="Content-Security-Policy" content={CONTENT_SECURITY_POLICY} />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>{document.title}</title>
        <style dangerouslySetInnerHTML={{ __html: documentStyle(document.title, document.labels.page) }} />
      </head>
      <body>
        <main>
          <article>
            <header>
              <h1>{document.title}</h1>
              {document.subtitle ? <p className="subtitle">{document.subtitle}</p> : null}
            </header>
            {document.blocks.map((block, index) => (
              <BlockView block={block} index={index} document={document} marks={marks} key={index} />
            ))}
            <Footnotes document={document} />
          </article>
        </main>
      </body>
    </html>
  );
}
