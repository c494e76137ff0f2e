import type { Timing } from './loadgen';
import { SCENARIOS, type Scenario } from './scenarios';
import { SERVER_NAMES, type ServerName } from './servers';

/**
 * Command line and environment:
 *   --quick | BENCH_QUICK=1          2 s warm-up, 8 s measured, 5 s drain (instead of 5/20/10)
 *   --scenario=3,4 | BENCH_SCENARIOS  run only these scenario numbers
 *   --server=flet,hocuspocus | BENCH_SERVERS  run only these servers
 *   --workers=2 | BENCH_WORKERS       load-generator threads
 *   --parts=load,gate,views,board | BENCH_PARTS  which parts to run (default all): the load
 *                                     scenarios, the gate's cost per update, the process views
 *                                     opened in Chromium, a 2,000-note board opened and panned in
 *                                     Chromium against tldraw alone
 */
export interface Options {
  scenarios: Scenario[];
  servers: ServerName[];
  timing: Timing;
  quick: boolean;
  parts: Part[];
}

export const PARTS = ['load', 'gate', 'views', 'board'] as const;
export type Part = (typeof PARTS)[number];

function flag(argv: string[], name: string): string | undefined {
  const hit = argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (hit === undefined) return undefined;
  return hit.includes('=') ? hit.slice(hit.indexOf('=') + 1) : 'true';
}

function list(value: string | undefined): string[] | null {
  if (value === undefined || value.trim() === '') return null;
  return value.split(',').map((v) => v.trim()).filter((v) => v !== '');
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): Options {
  const quickFlag = flag(argv, 'quick') ?? env.BENCH_QUICK;
  const quick = quickFlag !== undefined && quickFlag !== '0' && quickFlag !== 'false';
  const wantedScenarios = list(flag(argv, 'scenario') ?? env.BENCH_SCENARIOS);
  const scenarios = SCENARIOS.filter(
    (s) => wantedScenarios === null || wantedScenarios.includes(String(s.id)) || wantedScenarios.includes(s.name),
  );
  const wantedServers = list(flag(argv, 'server') ?? env.BENCH_SERVERS);
  const unknown = wantedServers?.filter((s) => !(SERVER_NAMES as readonly string[]).includes(s)) ?? [];
  if (unknown.length > 0) throw new Error(`unknown server(s): ${unknown.join(', ')}; known: ${SERVER_NAMES.join(', ')}`);
  const servers = SERVER_NAMES.filter((s) => wantedServers === null || wantedServers.includes(s));
  const workers = Number(flag(argv, 'workers') ?? env.BENCH_WORKERS ?? 2);
  const timing: Timing = quick
    ? { warmupS: 2, measureS: 8, drainMaxS: 5, workers }
    : { warmupS: 5, measureS: 20, drainMaxS: 10, workers };
  const wantedParts = list(flag(argv, 'parts') ?? env.BENCH_PARTS);
  const unknownParts = wantedParts?.filter((p) => !(PARTS as readonly string[]).includes(p)) ?? [];
  if (unknownParts.length > 0) throw new Error(`unknown part(s): ${unknownParts.join(', ')}; known: ${PARTS.join(', ')}`);
  const parts = PARTS.filter((p) => wantedParts === null || wantedParts.includes(p));
  return { scenarios: parts.includes('load') ? scenarios : [], servers, timing, quick, parts };
}
