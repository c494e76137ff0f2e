import { parse } from 'csv-parse/sync';
import * as Y from 'yjs';
import { recordsOf, workshopOf } from '../schema';
import { MAX_RECORD_TEXT_CHARS } from './canvasRules';
import { activeGatheringsOf, currentGatheringId, gatheringsOf } from './gatherings';
import { isGroup, type Group } from './groups';
import { newNotesOnPage } from './noteRecords';

/**
 * Statements collected before a workshop (interviews on home ground, a survey), brought in
 * from a spreadsheet (CSV) or a JSON file as notes on their gathering's page. All or
 * nothing: the first problem stops the import, and names where it is.
 */

/** Most statements one import brings in. */
export const MAX_IMPORTED_STATEMENTS = 2_000;
/** Longest statement, in characters: a note's text limit. */
export const MAX_STATEMENT_CHARS = MAX_RECORD_TEXT_CHARS;
/** The CSV columns, in the order the header names them in the contract. */
export const CSV_COLUMNS = ['text', 'group', 'place', 'gathering'] as const;

/** One statement, checked and resolved against the workshop. */
export interface Statement {
  text: string;
  group: Group | null;
  place: string | null;
  gatheringId: string | null;
  /** The page it lands on (its gathering's, or the board's first page without gatherings). */
  pageId: string;
}

/** What is wrong with a file. */
export type ImportReason =
  | 'unreadable'
  | 'wrong-header'
  | 'no-notes'
  | 'not-a-note'
  | 'empty-text'
  | 'text-too-long'
  | 'unknown-group'
  | 'unknown-gathering'
  | 'bad-place'
  | 'too-many';

/** Where the problem is: a CSV line (the header is line 1) or a JSON note's index in `notes`; null for the whole file. */
export type ImportPlace = { line: number } | { index: number } | null;

export interface ImportProblem {
  at: ImportPlace;
  reason: ImportReason;
  /** The value that was not understood (a group, a gathering, a column), when there is one. */
  value?: string;
}

export type ImportOutcome = { statements: Statement[] } | { problem: ImportProblem };

const REASON_SENTENCES: Record<ImportReason, (value: string) => string> = {
  unreadable: (value) => `the file could not be read${value ? ` (${value})` : ''}`,
  'wrong-header': (value) => `the header row must name the columns ${CSV_COLUMNS.join(',')}${value ? `; "${value}" is not one of them` : ''}`,
  'no-notes': () => 'there is no list "notes" of statements',
  'not-a-note': () => 'the statement is not an object with a "text"',
  'empty-text': () => 'the text is empty',
  'text-too-long': () => `the text is longer than ${MAX_STATEMENT_CHARS.toLocaleString('en')} characters`,
  'unknown-group': (value) => `"${value}" is not a group (use one of politician, manager, employee, citizen, business, association, other)`,
  'unknown-gathering': (value) => `"${value}" names no gathering of this workshop`,
  'bad-place': () => 'the place is not text',
  'too-many': () => `a file may hold at most ${MAX_IMPORTED_STATEMENTS.toLocaleString('en')} statements`,
};

/** The problem as one English sentence naming where it is (the API's message). */
export function describeImportProblem(problem: ImportProblem): string {
  const where = problem.at === null ? 'The file' : 'line' in problem.at ? `Line ${problem.at.line}` : `Note ${problem.at.index} (notes[${problem.at.index}])`;
  return `${where}: ${REASON_SENTENCES[problem.reason](problem.value ?? '')}. Nothing was imported.`;
}

/** The board's first page, by order (where notes go while the workshop has no gathering). */
function firstPageId(doc: Y.Doc): string | null {
  let first: { id: string; index: string } | null = null;
  recordsOf(doc).forEach((record, id) => {
    if (!(record instanceof Y.Map) || record.get('typeName') !== 'page') return;
    const index = String(record.get('index') ?? '');
    if (!first || index < first.index) first = { id, index };
  });
  return (first as { id: string } | null)?.id ?? null;
}

/** Finds the gathering a statement names (id, or title in any case); missing: the current one. */
function resolverOf(doc: Y.Doc): (named: string) => { gatheringId: string | null; pageId: string } | null {
  const gatherings = gatheringsOf(doc);
  const active = activeGatheringsOf(doc);
  const currentId = currentGatheringId(doc);
  const current = gatherings.find((gathering) => gathering.id === currentId);
  const fallbackPage = firstPageId(doc);
  return (named) => {
    const wanted = named.trim();
    if (!wanted) {
      if (current) return { gatheringId: current.id, pageId: current.pageId };
      return fallbackPage ? { gatheringId: null, pageId: fallbackPage } : null;
    }
    const lower = wanted.toLocaleLowerCase();
    // Titles of active gatherings first: an archived one's title may have been reused.
    const found =
      gatherings.find((gathering) => gathering.id === wanted) ??
      active.find((gathering) => gathering.title.trim().toLocaleLowerCase() === lower) ??
      gatherings.find((gathering) => gathering.title.trim().toLocaleLowerCase() === lower);
    return found ? { gatheringId: found.id, pageId: found.pageId } : null;
  };
}

interface RawStatement {
  text: unknown;
  group: unknown;
  place: unknown;
  gathering: unknown;
}

/** Checks one statement; `at` names it in a problem. */
function statementOf(raw: RawStatement, at: ImportPlace, resolve: ReturnType<typeof resolverOf>): Statement | ImportProblem {
  if (typeof raw.text !== 'string') return { at, reason: 'not-a-note' };
  const text = raw.text.trim();
  if (!text) return { at, reason: 'empty-text' };
  if (text.length > MAX_STATEMENT_CHARS) return { at, reason: 'text-too-long' };
  let group: Group | null = null;
  if (raw.group !== undefined && raw.group !== null) {
    const named = typeof raw.group === 'string' ? raw.group.trim().toLowerCase() : String(raw.group);
    if (named) {
      if (!isGroup(named)) return { at, reason: 'unknown-group', value: String(raw.group) };
      group = named;
    }
  }
  if (raw.place !== undefined && raw.place !== null && typeof raw.place !== 'string') return { at, reason: 'bad-place' };
  const place = typeof raw.place === 'string' && raw.place.trim() ? raw.place.trim() : null;
  if (raw.gathering !== undefined && raw.gathering !== null && typeof raw.gathering !== 'string') {
    return { at, reason: 'unknown-gathering', value: String(raw.gathering) };
  }
  const named = typeof raw.gathering === 'string' ? raw.gathering : '';
  const target = resolve(named);
  if (!target) return { at, reason: 'unknown-gathering', value: named.trim() };
  return { text, group, place, ...target };
}

function isProblem(value: Statement | ImportProblem): value is ImportProblem {
  return 'reason' in value;
}

/** Reads the contract's JSON `{notes: [{text, group?, location?, gathering?}]}` (already parsed). */
export function statementsFromJson(doc: Y.Doc, body: unknown): ImportOutcome {
  const notes = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>).notes : undefined;
  if (!Array.isArray(notes)) return { problem: { at: null, reason: 'no-notes' } };
  if (notes.length > MAX_IMPORTED_STATEMENTS) return { problem: { at: { index: MAX_IMPORTED_STATEMENTS }, reason: 'too-many' } };
  const resolve = resolverOf(doc);
  const statements: Statement[] = [];
  for (const [index, note] of notes.entries()) {
    const at = { index };
    if (typeof note !== 'object' || note === null || Array.isArray(note)) return { problem: { at, reason: 'not-a-note' } };
    const fields = note as Record<string, unknown>;
    const checked = statementOf({ text: fields.text, group: fields.group, place: fields.location ?? fields.place, gathering: fields.gathering }, at, resolve);
    if (isProblem(checked)) return { problem: checked };
    statements.push(checked);
  }
  return { statements };
}

interface CsvRow {
  record: string[];
  /** csv-parse's counts after this record: the line it ends on, and the blank lines skipped so far. */
  info: { lines: number; empty_lines: number };
}

/** The line a record starts on (a quoted cell may run over several lines; blank lines before it are skipped). */
function startLines(rows: readonly CsvRow[]): number[] {
  let previous = { lines: 0, empty_lines: 0 };
  return rows.map((row) => {
    const start = previous.lines + 1 + (row.info.empty_lines - previous.empty_lines);
    previous = row.info;
    return start;
  });
}

/** Reads a CSV with a header row naming `text` and any of `group, place, gathering`. */
export function statementsFromCsv(doc: Y.Doc, text: string): ImportOutcome {
  let rows: CsvRow[];
  try {
    rows = parse(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: false }) as unknown as CsvRow[];
  } catch (error) {
    const lines = (error as { lines?: unknown }).lines;
    const at = typeof lines === 'number' && lines > 0 ? { line: lines } : null;
    return { problem: { at, reason: 'unreadable', value: csvErrorSentence(error) } };
  }
  const [header, ...body] = rows;
  if (!header) return { problem: { at: { line: 1 }, reason: 'wrong-header' } };
  const starts = startLines(rows);
  const columns = header.record.map((name) => name.trim().toLowerCase());
  const unknown = columns.find((name, position) => !(CSV_COLUMNS as readonly string[]).includes(name) || columns.indexOf(name) !== position);
  if (unknown !== undefined || !columns.includes('text')) return { problem: { at: { line: starts[0] }, reason: 'wrong-header', value: unknown } };
  if (body.length > MAX_IMPORTED_STATEMENTS) {
    return { problem: { at: { line: starts[MAX_IMPORTED_STATEMENTS + 1] }, reason: 'too-many' } };
  }
  const resolve = resolverOf(doc);
  const cell = (row: CsvRow, name: string): string | undefined => {
    const position = columns.indexOf(name);
    return position < 0 ? undefined : row.record[position];
  };
  const statements: Statement[] = [];
  for (const [position, row] of body.entries()) {
    const checked = statementOf(
      { text: cell(row, 'text'), group: cell(row, 'group'), place: cell(row, 'place'), gathering: cell(row, 'gathering') },
      { line: starts[position + 1] },
      resolve,
    );
    if (isProblem(checked)) return { problem: checked };
    statements.push(checked);
  }
  return { statements };
}

/** csv-parse's own reason, without its line (the problem names the line). */
function csvErrorSentence(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') return 'it has a different number of columns than the header';
  if (code === 'CSV_INVALID_CLOSING_QUOTE' || code === 'CSV_QUOTE_NOT_CLOSED') return 'a quote is not closed';
  return 'it is not valid CSV';
}

/** The board user tldraw names as the first writer of an imported note: the mark everyone sees on it. */
export const COLLECTED_BEFORE_USER = 'collected-before';

/**
 * The mark's words, in the workshop's language (kl: Danish). tldraw shows a name's first word
 * on the note, so the words are joined by no-break spaces.
 */
const COLLECTED_BEFORE_NAMES: Record<string, string> = {
  da: 'Indsamlet på forhånd',
  sv: 'Insamlat i förväg',
  en: 'Collected beforehand',
};

/** Writes the user record that names the mark, in the workshop's language, when missing or different. */
function ensureCollectedBeforeUser(doc: Y.Doc): void {
  const language = workshopOf(doc).get('language');
  const words = COLLECTED_BEFORE_NAMES[typeof language === 'string' ? language : 'da'] ?? COLLECTED_BEFORE_NAMES.da;
  const name = words.replace(/ /g, '\u00a0');
  const id = `user:${COLLECTED_BEFORE_USER}`;
  const stored = recordsOf(doc).get(id);
  if (stored instanceof Y.Map && stored.get('name') === name) return;
  const fields = new Y.Map<unknown>();
  recordsOf(doc).set(id, fields);
  for (const [key, value] of Object.entries({ id, typeName: 'user', name, color: '#767676', imageUrl: '', meta: {} })) fields.set(key, value);
}

/**
 * Writes checked statements as notes on their pages, in one transaction: in the group's
 * colour (yellow without one), with no participant (so only the facilitator may change
 * them, canvasRules.ts), marked `meta.collectedBefore` and with `meta.place` when given, and
 * named on the board as collected beforehand (tldraw's first-writer label).
 * Returns how many were written.
 */
export function writeStatements(doc: Y.Doc, statements: readonly Statement[]): number {
  if (statements.length === 0) return 0;
  doc.transact(() => {
    ensureCollectedBeforeUser(doc);
    // One pass over each page's free spots: 2,000 statements are placed in one go, not one search each.
    const byPage = new Map<string, Statement[]>();
    for (const statement of statements) {
      const onPage = byPage.get(statement.pageId);
      if (onPage) onPage.push(statement);
      else byPage.set(statement.pageId, [statement]);
    }
    const placed: Array<[string, Statement]> = [];
    for (const [pageId, onPage] of byPage) {
      const ids = newNotesOnPage(doc, pageId, onPage.map((statement) => ({ text: statement.text, group: statement.group, participantId: null, gatheringId: statement.gatheringId })));
      ids.forEach((id, index) => placed.push([id, onPage[index]]));
    }
    for (const [id, statement] of placed) {
      const record = recordsOf(doc).get(id);
      if (!record) continue;
      const meta = record.get('meta');
      const props = record.get('props');
      record.set('meta', { ...(typeof meta === 'object' && meta !== null ? meta : {}), collectedBefore: true, ...(statement.place ? { place: statement.place } : {}) });
      record.set('props', { ...(typeof props === 'object' && props !== null ? props : {}), textFirstEditedBy: COLLECTED_BEFORE_USER });
    }
  });
  return statements.length;
}

/** True when a note's meta marks it as collected before the workshop. */
export function isCollectedBefore(meta: unknown): boolean {
  return typeof meta === 'object' && meta !== null && (meta as Record<string, unknown>).collectedBefore === true;
}
