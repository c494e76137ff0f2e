import type * as Y from 'yjs';
import { gatheringsMapOf } from '../schema';
import type { Change } from '../validate/changes';
import { everHeld } from './processRules';
import type { RefusalOf } from './refusal';
import { goalIndexOfField, MAX_REPORT_TEXT_CHARS, SUMMARY_FIELD } from './reports';

/**
 * The gate's rule for the report texts (`reports`). They are the facilitator's (schema.ts);
 * this rule checks the values, for the facilitator too, so that what every export then reads
 * is a known shape of bounded strings, kept under a gathering the document knows.
 */

/** Why a change of a report was refused (for logs and tests; never content). */
export type ReportRefusal = 'invalid-report' | 'unknown-gathering';

function refusal(reason: ReportRefusal, change: Change, detail?: string): RefusalOf<ReportRefusal> {
  return detail === undefined ? { reason, top: change.top, key: change.key } : { reason, top: change.top, key: change.key, detail };
}

/** Why a value is not acceptable for a report's field, or null when it is. */
export function reportFieldProblem(field: string, value: unknown): string | null {
  // The name is the sender's own text: not repeated in logs.
  if (field !== SUMMARY_FIELD && goalIndexOfField(field) === null) return 'unknown field';
  return typeof value === 'string' && value.length <= MAX_REPORT_TEXT_CHARS ? null : 'text';
}

/**
 * `reports`: a report is a map under a gathering's id (one the document holds or held, or
 * one the same update adds) of the summary and the goal texts, each a string of at most
 * {@link MAX_REPORT_TEXT_CHARS} characters. A text may be cleared (its field deleted) and a
 * report removed; nothing else is kept there.
 */
export function reportsRefusal(changes: readonly Change[], doc: Y.Doc, addedGatherings: ReadonlySet<string>): RefusalOf<ReportRefusal> | null {
  const gatherings = gatheringsMapOf(doc);
  for (const change of changes) {
    if (change.key === null || change.nested) return refusal('invalid-report', change, 'a report is a map of texts');
    if (change.kind === 'delete') continue;
    if (!everHeld(gatherings, change.key) && !addedGatherings.has(change.key)) return { reason: 'unknown-gathering', top: change.top, key: null };
    if (change.field === null) {
      if (change.content !== 'type') return refusal('invalid-report', change, 'a report is a map of texts');
      continue;
    }
    if (change.content !== 'json') return refusal('invalid-report', change, 'report texts are strings');
    const problem = reportFieldProblem(change.field, change.value);
    if (problem) return refusal('invalid-report', change, problem);
  }
  return null;
}
