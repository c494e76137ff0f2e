import type * as Y from 'yjs';

/**
 * The text of a gathering's report that the facilitator writes on the board: a summary, and
 * for a template with report goals (roles and boundaries) one text per goal. The report
 * export lays it out beside what the board holds. Kept in the top-level `reports` map,
 * which only the facilitator writes.
 */

/** Longest summary or goal text, in characters. */
export const MAX_REPORT_TEXT_CHARS = 10_000;

export interface ReportText {
  summary: string;
  /** One text per report goal, by the goal's index ('' where none is written). */
  goalSummaries: string[];
}

/** What the facilitator has written for a gathering's report ('' and [] when nothing). */
export function reportTextOf(doc: Y.Doc, gatheringId: string): ReportText {
  void doc;
  void gatheringId;
  throw new Error('not built yet');
}

/** Writes the gathering's summary. */
export function setReportSummary(doc: Y.Doc, gatheringId: string, text: string): void {
  void doc;
  void gatheringId;
  void text;
  throw new Error('not built yet');
}

/** Writes the gathering's text for the report goal at `goalIndex`. */
export function setGoalSummary(doc: Y.Doc, gatheringId: string, goalIndex: number, text: string): void {
  void doc;
  void gatheringId;
  void goalIndex;
  void text;
  throw new Error('not built yet');
}
