import { AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun, type IStylesOptions } from 'docx';
import type { Language } from '../../shared/domain/languages';
import type { ExportDocument } from '../../shared/export/exportDocument';
import { exportWords } from '../../shared/export/exportWords';
import { blockElements, MUTED_COLOR, textRuns, xmlText } from './docxBlocks';

/** The language tags Word's spelling and hyphenation go by; a Greenlandic workshop's exports are in Danish. */
const WORD_LANGUAGE: Record<Language, string> = { da: 'da-DK', sv: 'sv-SE', en: 'en-GB', kl: 'da-DK' };

/** A4 in twentieths of a point, with margins of 2 cm. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1134;

const HEADING_COLOR = '1F3A5F';
const BODY_FONT = 'Calibri';

function styles(language: Language): IStylesOptions {
  // The outline level, which Word's navigation pane and table of contents go by, is set outright.
  const heading = (size: number, before: number, outlineLevel: number) => ({
    run: { font: BODY_FONT, size, bold: true, color: HEADING_COLOR },
    paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true, outlineLevel },
  });
  return {
    default: {
      document: {
        run: { font: BODY_FONT, size: 22, language: { value: WORD_LANGUAGE[language] } },
        // The rule is written out: LibreOffice reads a line height without one as exact, which
        // clips the weave's picture and lays a two-line title over itself.
        paragraph: { spacing: { after: 160, line: 276, lineRule: LineRuleType.AUTO } },
      },
      title: { run: { font: BODY_FONT, size: 48, bold: true, color: HEADING_COLOR }, paragraph: { spacing: { after: 80 } } },
      heading1: heading(32, 360, 0),
      heading2: heading(26, 280, 1),
      heading3: heading(23, 200, 2),
      caption: { run: { size: 18, italics: false, bold: true, color: MUTED_COLOR }, paragraph: { spacing: { before: 60, after: 80 } } },
      footnoteText: { run: { size: 18 }, paragraph: { spacing: { after: 40 } } },
    },
    paragraphStyles: [
      {
        // Word's own name for the line under a title, so it keeps its meaning in Word's style list.
        id: 'Subtitle',
        name: 'Subtitle',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { size: 26, color: MUTED_COLOR },
        paragraph: { spacing: { after: 360 } },
      },
    ],
  };
}

/**
 * The document as a Word file (DOCX), footnotes as Word footnotes. Every piece of user text
 * goes in as a text run, which docx writes as escaped XML text: none of it becomes markup,
 * a field or a link.
 */
export async function renderDocx(document: ExportDocument): Promise<Buffer> {
  const footnotes = Object.fromEntries(
    document.footnotes.map((footnote, index) => [String(index + 1), { children: [new Paragraph({ style: 'FootnoteText', children: textRuns(` ${footnote.text}`) })] }]),
  );
  const context = { labels: document.labels, footnotes: document.footnotes.length, words: exportWords(document.language), referenced: new Set<number>() };
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ size: 18, color: MUTED_COLOR, children: [`${document.labels.page} `, PageNumber.CURRENT] })],
      }),
    ],
  });
  const word = new Document({
    title: xmlText(document.title),
    description: xmlText(document.subtitle),
    creator: 'Flet',
    lastModifiedBy: 'Flet',
    styles: styles(document.language),
    footnotes,
    sections: [
      {
        properties: { page: { size: A4, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 567, footer: 567 } } },
        footers: { default: footer },
        children: [
          new Paragraph({ style: 'Title', children: textRuns(document.title) }),
          new Paragraph({ style: 'Subtitle', children: textRuns(document.subtitle) }),
          ...document.blocks.flatMap((block) => blockElements(block, context)),
        ],
      },
    ],
  });
  return Packer.toBuffer(word);
}
