/**
 * The shape of a workshop template's text: every gathering and step carries its Danish,
 * Swedish and English wording side by side, so that no language can have a step the others
 * lack (Greenlandic workshops take the Danish).
 */

/** The languages a template is written in. */
export const TEMPLATE_LANGUAGES = ['da', 'sv', 'en'] as const;

export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];

/** One wording per template language. */
export type InLanguages<T> = Readonly<Record<TemplateLanguage, T>>;

/** A step as the template plans it. */
export interface TemplateStep {
  /** The step's title (its frame's name) and the question people answer. */
  text: InLanguages<{ title: string; prompt: string }>;
  /** Planned minutes. */
  minutes: number;
}

/** A gathering as the template plans it. */
export interface TemplateGathering {
  title: InLanguages<string>;
  steps: readonly TemplateStep[];
}

/**
 * How a gathering's step frames stand on its page: in one row, as tall columns side by side
 * (to compare, as in keep / start / leave behind), or in a grid three wide.
 */
export type FrameLayout = 'row' | 'columns' | 'grid';

/** A template's whole plan. */
export interface TemplateContent {
  layout: FrameLayout;
  gatherings: readonly TemplateGathering[];
  /** What the workshop's report answers to, kept in the document (`workshop.reportGoals`). */
  reportGoals?: InLanguages<readonly string[]>;
}
