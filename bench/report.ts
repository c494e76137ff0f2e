import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GATE_COST_HEADER, type GateCost, gateCostTable } from './gateCost';
import type { Measured } from './loadgen';
import type { BoardPanResult } from './views/boardPan';
import { BOARD_PAN_HEADER, boardPanEntry, boardPanRows } from './views/boardPanReport';
import type { ViewOpenTimes } from './views/viewOpen';
import type { Scenario } from './scenarios';
import type { ServerName } from './servers';

/** Turning measurements into the contract's JSON, a diagnostics file and a human table. */
export interface RunOutcome {
  scenario: Scenario;
  server: ServerName;
  measured: Measured | null;
  /** Why there is no measurement (server failed to start, Flet not built yet, …). */
  error: string | null;
}

/** The contract's per-server fields. */
interface Fields {
  scenario: string;
  clients: number;
  writers: number;
  rate: number;
  cursors: number;
  p50_ms: number | null;
  p99_ms: number | null;
  lost: number | null;
  server_rss_mb: number | null;
  server_cpu_pct: number | null;
  cursor_p99_ms?: number | null;
  error?: string;
}

type Entry = Fields & { references: { 'y-websocket': Fields; hocuspocus: Fields } };

const round = (v: number | null | undefined, digits: number): number | null =>
  v === null || v === undefined ? null : Number(v.toFixed(digits));

function fields(s: Scenario, o: RunOutcome | undefined): Fields {
  const m = o?.measured ?? null;
  const f: Fields = {
    scenario: s.name,
    clients: s.clients,
    writers: s.writers,
    rate: s.rate,
    cursors: s.cursorHz,
    p50_ms: round(m?.p50_ms, 2),
    p99_ms: round(m?.p99_ms, 2),
    lost: m === null ? null : m.lost,
    server_rss_mb: round(m?.server_rss_mb, 1),
    server_cpu_pct: round(m?.server_cpu_pct, 1),
  };
  if (s.cursorHz > 0) f.cursor_p99_ms = round(m?.cursor_p99_ms, 2);
  if (m === null) f.error = o?.error ?? 'not run';
  return f;
}

function find(outcomes: RunOutcome[], s: Scenario, server: ServerName): RunOutcome | undefined {
  return outcomes.find((o) => o.scenario.id === s.id && o.server === server);
}

export function contractJson(scenarios: Scenario[], outcomes: RunOutcome[]): Entry[] {
  return scenarios.map((s) => ({
    ...fields(s, find(outcomes, s, 'flet')),
    references: {
      'y-websocket': fields(s, find(outcomes, s, 'y-websocket')),
      hocuspocus: fields(s, find(outcomes, s, 'hocuspocus')),
    },
  }));
}

function ratio(flet: number | null | undefined, ref: number | null | undefined): string {
  if (flet === null || flet === undefined || ref === null || ref === undefined || ref === 0) return '–';
  const r = flet / ref;
  // Two significant digits, so a collapsed reference reads 0.0031× rather than 0.00×.
  return `${r >= 0.1 ? r.toFixed(2) : r.toPrecision(2)}×`;
}

const fmt = (v: number | null | undefined, digits = 1): string => (v === null || v === undefined ? '–' : v.toFixed(digits));

const HEADER = [
  'scenario', 'server', 'clients', 'writers', 'rate', 'cursors', 'p50 ms', 'p99 ms', 'cursor p99 ms', 'lost',
  'RSS MB', 'idle RSS MB', 'CPU %', 'Flet/ref p99', 'Flet/ref cursor p99', 'Flet/ref CPU', 'Flet/ref RSS', 'Flet/ref idle RSS',
  'loadgen CPU %', 'other CPU %',
];

export function tableRows(scenarios: Scenario[], outcomes: RunOutcome[]): string[][] {
  const rows: string[][] = [];
  for (const s of scenarios) {
    const flet = find(outcomes, s, 'flet')?.measured ?? null;
    for (const server of ['flet', 'y-websocket', 'hocuspocus'] as const) {
      const o = find(outcomes, s, server);
      if (o === undefined) continue;
      const m = o.measured;
      const isRef = server !== 'flet';
      rows.push([
        s.name, server, String(s.clients), String(s.writers), `${s.rate}/s`,
        s.cursorHz > 0 ? `${s.cursorHz} Hz${s.echo ? ' echo' : ''}` : '–',
        fmt(m?.p50_ms, 2), fmt(m?.p99_ms, 2), s.cursorHz > 0 ? fmt(m?.cursor_p99_ms, 2) : '–',
        m === null ? `(${o.error ?? 'not run'})` : String(m.lost),
        fmt(m?.server_rss_mb), fmt(m?.detail.serverRssIdleMb), fmt(m?.server_cpu_pct),
        isRef ? ratio(flet?.p99_ms, m?.p99_ms) : '',
        isRef && s.cursorHz > 0 ? ratio(flet?.cursor_p99_ms, m?.cursor_p99_ms) : '',
        isRef ? ratio(flet?.server_cpu_pct, m?.server_cpu_pct) : '',
        isRef ? ratio(flet?.server_rss_mb, m?.server_rss_mb) : '',
        isRef ? ratio(flet?.detail.serverRssIdleMb, m?.detail.serverRssIdleMb) : '',
        fmt(m?.detail.loadgenCpuPct),
        fmt(m?.detail.otherCpuPct),
      ]);
    }
  }
  return rows;
}

export function textTable(rows: string[][], header: string[] = HEADER): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]): string => r.map((v, c) => (v ?? '').padEnd(widths[c])).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function markdownTable(rows: string[][], header: string[] = HEADER): string {
  const line = (r: string[]): string => `| ${r.map((v) => v.replace(/\|/g, '/')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * latest.json keeps the contract's shape; the gate's cost per update goes with the
 * diagnostics into latest-details.json, and under the table in latest.md.
 */
export function writeResults(
  dir: string,
  scenarios: Scenario[],
  outcomes: RunOutcome[],
  gateCost: GateCost | null,
  viewOpen: ViewOpenTimes | null,
  boardPan: BoardPanResult | null,
  meta: Record<string, unknown>,
): void {
  mkdirSync(dir, { recursive: true });
  // The board measurement is one more entry, after the scenarios', with tldraw alone as its reference.
  const entries: unknown[] = [...contractJson(scenarios, outcomes), ...(boardPan ? [boardPanEntry(boardPan)] : [])];
  writeFileSync(path.join(dir, 'latest.json'), JSON.stringify(entries, null, 2) + '\n');
  const details = outcomes.map((o) => ({ scenario: o.scenario.name, server: o.server, error: o.error, ...o.measured }));
  writeFileSync(path.join(dir, 'latest-details.json'), JSON.stringify({ meta, gateCost, viewOpen, boardPan, runs: details }, null, 2) + '\n');
  const gateTable = gateCost === null ? '' : `\n${markdownTable(gateCostTable(gateCost), GATE_COST_HEADER)}\n`;
  const viewTable =
    viewOpen === null
      ? ''
      : `\n| view (Chromium, 1920×1080) | ms |\n|---|---|\n| empty board, first paint | ${viewOpen.emptyBoardMs} |\n` +
        `| process board (${viewOpen.process.notes} notes), first paint | ${viewOpen.processBoardMs} |\n` +
        `| weave view, click to paint | ${viewOpen.weaveViewMs} |\n| narrative, click to paint | ${viewOpen.narrativeMs} |\n`;
  const boardTable = boardPan === null ? '' : `\n${markdownTable(boardPanRows(boardPan), BOARD_PAN_HEADER)}\n`;
  writeFileSync(path.join(dir, 'latest.md'), markdownTable(tableRows(scenarios, outcomes)) + '\n' + gateTable + viewTable + boardTable);
}
