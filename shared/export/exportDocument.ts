import type { Language } from '../domain/languages';
import type { Weave } from '../domain/weave';

/**
 * A document that leaves the room (the narrative, or one gathering's report), in no format
 * yet: what it says and in what order, with every word already in the workshop's language.
 * Each format (Markdown, HTML, DOCX, PDF) is one renderer of this shape, so the four say the
 * same thing, and each escapes user text in its own way. Every string here is plain text,
 * never markup: a renderer must show it as text.
 */
export interface ExportDocument {
  kind: 'narrative' | 'report';
  language: Language;
  /** The document's title (the workshop's for the narrative, the gathering's for a report). */
  title: string;
  /** The line under the title ("Grundfortælling · Eksporteret 1. december 2026"). */
  subtitle: string;
  blocks: Block[];
  /** Numbered from 1 in the order they are first referred to; `{footnote: n}` names `footnotes[n - 1]`. */
  footnotes: Footnote[];
  /** The words a renderer prints around the content. */
  labels: ExportLabels;
}

/** Words of the frame of a document, in its language. */
export interface ExportLabels {
  /** Heading of the footnotes at the end ("Noter", "Fotnoter", "Notes"). */
  footnotes: string;
  /** "Side" / "Sida" / "Page", before a page number. */
  page: string;
  /** The text a weave figure stands for, for those who cannot see it ("Vævet: tråde gennem samlingerne"). */
  weaveDescription: string;
}

/** A piece of running text: words (plain text), or the mark of a footnote. */
export type Inline = { text: string; strong?: boolean } | { footnote: number };

/** A label and its value, as "Formål: at …". */
export interface Field {
  label: string;
  value: string;
}

/** A note quoted in a report or an appendix: its words and who and where they came from. */
export interface Quote {
  text: string;
  /** "borger, Nuuk (Første samling, 12. marts 2025)". */
  source: string;
  /** Dots it got in revealed votes, when there were any. */
  dots?: number;
}

export type Block =
  | { kind: 'heading'; level: 2 | 3 | 4; text: string }
  | { kind: 'paragraph'; content: Inline[] }
  /** A muted remark, such as "No notes yet." */
  | { kind: 'remark'; text: string }
  | { kind: 'fields'; fields: Field[] }
  | { kind: 'list'; items: Inline[][] }
  | { kind: 'quotes'; quotes: Quote[] }
  /** A table of numbers with words: the first column is a row's name. */
  | { kind: 'table'; caption: string; columns: string[]; rows: Array<Array<string | number>> }
  | { kind: 'weave'; figure: WeaveFigure };

/** The weave view as a figure of a document, with its words already chosen. */
export interface WeaveFigure {
  weave: Weave;
  caption: string;
  /** Heading over the narrative's sections at the right ("Grundfortælling"). */
  narrativeLabel: string;
  /** What stands for a thread without a title, and for the text before the first heading. */
  untitledThread: string;
  beforeFirstHeading: string;
  /** Each gathering's place and day in words, by gathering id ("Nuuk · 12. marts 2025"). */
  gatheringFacts: Record<string, string>;
}

/** A footnote: plain text, as "Hav og fangst: “Både til unge fangere” — borger, Nuuk". */
export interface Footnote {
  text: string;
}
