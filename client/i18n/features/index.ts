import { boardChrome } from './board';
import { exporting } from './exporting';
import { facilitator } from './facilitator';
import { gatherings } from './gatherings';
import { importing } from './importing';
import { myNotes } from './myNotes';
import { narrative } from './narrative';
import { phone } from './phone';
import { privateWriting } from './privateWriting';
import { reports } from './reports';
import { templates } from './templates';
import { run } from './run';
import { threads } from './threads';
import { views } from './views';
import { votes } from './votes';
import { weave } from './weave';

/**
 * The process views' strings, one file per feature so each view's words live beside each
 * other; every file gives Danish, Swedish and English key for key (tested).
 */
export const FEATURE_STRINGS = {
  views,
  gatherings,
  threads,
  weave,
  narrative,
  myNotes,
  templates,
  boardChrome,
  facilitator,
  run,
  phone,
  votes,
  privateWriting,
  exporting,
  importing,
  reports,
} as const;

type Language = 'da' | 'sv' | 'en';

/** The feature strings of one language, each under its feature's name. */
export function featureStrings(language: Language): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, strings] of Object.entries(FEATURE_STRINGS)) result[name] = strings[language];
  return result;
}
