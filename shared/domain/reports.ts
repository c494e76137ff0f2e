import * as Y from 'yjs';
import { reportsOf } from '../schema';
import { gatheringOf } from './gatherings';
import { MAX_REPORT_GOALS, reportGoalsOf } from './templates';

/**
 * The text of a gathering's report that the facilitator writes on the board: a summary, and
 * for a template with report goals (roles and boundaries) one text per goal. The report
 * export lays it out beside what the board holds. Kept in the top-level `reports` map,
 * which only the facilitator writes: gathering id → Y.Map {summary, `goal:<n>`}, one entry
 * per text, so that two laptops writing different texts of a report both keep theirs (the
 * report's map is made by its first text: two first texts written offline at once keep one).
 */

/** Longest summary or goal text, in characters. */
export const MAX_REPORT_TEXT_CHARS = 10_000;

/** The field of a report that holds its summary. */
export const SUMMARY_FIELD = 'summary';

/** The field of a report that holds the text for the report goal at `goalIndex`. */
export function goalField(goalIndex: number): string {
  return `goal:${goalIndex}`;
}

const GOAL_FIELD = /^goal:(0|[1-9]\d?)$/;

/** The goal index a report field names, or null when it names none (or one past {@link MAX_REPORT_GOALS}). */
export function goalIndexOfField(field: string): number | null {
  const match = GOAL_FIELD.exec(field);
  if (!match) return null;
  const index = Number(match[1]);
  return index < MAX_REPORT_GOALS ? index : null;
}

export interface ReportText {
  summary: string;
  /** One text per report goal, by the goal's index ('' where none is written). */
  goalSummaries: string[];
}

/** What the facilitator has written for a gathering's report ('' and [] when nothing). */
export function reportTextOf(doc: Y.Doc, gatheringId: string): ReportText {
  const goals = reportGoalsOf(doc);
  const fields = reportsOf(doc).get(gatheringId);
  const read = (field: string): string => {
    const value = fields instanceof Y.Map ? fields.get(field) : undefined;
    return typeof value === 'string' ? value : '';
  };
  return { summary: read(SUMMARY_FIELD), goalSummaries: goals.map((_, index) => read(goalField(index))) };
}

function checkText(text: string): void {
  if (typeof text !== 'string' || text.length > MAX_REPORT_TEXT_CHARS) throw new RangeError(`a report text holds at most ${MAX_REPORT_TEXT_CHARS} characters`);
}

/** Writes one field of a gathering's report, making the report's map when it has none. */
function writeField(doc: Y.Doc, gatheringId: string, field: string, text: string): void {
  checkText(text);
  if (!gatheringOf(doc, gatheringId)) throw new Error('unknown gathering');
  doc.transact(() => {
    const reports = reportsOf(doc);
    let fields = reports.get(gatheringId);
    if (!(fields instanceof Y.Map)) reports.set(gatheringId, (fields = new Y.Map<unknown>()));
    if (fields.get(field) !== text) fields.set(field, text);
  });
}

/**
 * Writes the gathering's summary. Throws on a text over {@link MAX_REPORT_TEXT_CHARS} (an
 * editor keeps to it with its own limit) or an unknown gathering.
 */
export function setReportSummary(doc: Y.Doc, gatheringId: string, text: string): void {
  writeField(doc, gatheringId, SUMMARY_FIELD, text);
}

/** Writes the gathering's text for the report goal at `goalIndex` (0 to {@link MAX_REPORT_GOALS} − 1). */
export function setGoalSummary(doc: Y.Doc, gatheringId: string, goalIndex: number, text: string): void {
  if (!Number.isInteger(goalIndex) || goalIndex < 0 || goalIndex >= MAX_REPORT_GOALS) throw new RangeError('no such report goal');
  writeField(doc, gatheringId, goalField(goalIndex), text);
}
