import { cpus } from 'node:os';
import path from 'node:path';
import { runLoad } from './loadgen';
import { parseOptions } from './options';
import { type RunOutcome, tableRows, textTable, writeResults } from './report';
import { waitForQuietMachine } from './measure';
import { fletAvailable, startServer } from './servers';

/**
 * `npm run bench`: every selected scenario against Flet and the two reference servers, each
 * on a fresh server process, then the table on stdout and bench/results/latest.json.
 */
const options = parseOptions(process.argv.slice(2), process.env);
const resultsDir = path.resolve(import.meta.dirname, 'results');
const outcomes: RunOutcome[] = [];
const started = Date.now();
const t = options.timing;

process.stdout.write(
  `Flet benchmark: ${options.scenarios.length} scenario(s) × ${options.servers.join(', ')}; ` +
    `${t.warmupS} s warm-up, ${t.measureS} s measured, ≤${t.drainMaxS} s drain, ${t.workers} load thread(s)\n`,
);

for (const scenario of options.scenarios) {
  for (const name of options.servers) {
    const label = `scenario ${scenario.name} on ${name}`;
    if (name === 'flet' && !fletAvailable()) {
      outcomes.push({ scenario, server: name, measured: null, error: 'server/index.ts not present' });
      process.stdout.write(`  ${label}: skipped (Flet's server is not there yet)\n`);
      continue;
    }
    const busy = await waitForQuietMachine(options.quick ? 5 : 10);
    process.stdout.write(`  ${label}${busy !== null && busy >= 25 ? ` (machine busy: ${busy.toFixed(0)} % of a core)` : ''} … `);
    let server;
    try {
      server = await startServer(name);
    } catch (err) {
      const error = `did not start: ${(err as Error).message.slice(0, 300)}`;
      outcomes.push({ scenario, server: name, measured: null, error });
      process.stdout.write(`${error}\n`);
      continue;
    }
    try {
      const measured = await runLoad(server, scenario, options.timing);
      outcomes.push({ scenario, server: name, measured, error: null });
      const d = measured.detail;
      process.stdout.write(
        `p99 ${measured.p99_ms?.toFixed(2) ?? '–'} ms, lost ${measured.lost}/${d.editsExpected}` +
          (scenario.cursorHz > 0 ? `, cursor p99 ${measured.cursor_p99_ms?.toFixed(2) ?? '–'} ms` : '') +
          `, CPU ${measured.server_cpu_pct?.toFixed(0) ?? '–'} %` +
          (d.connectFailures > 0 ? `, ${d.connectFailures} failed to connect (${d.connectErrors[0] ?? ''})` : '') +
          (d.disconnects > 0 ? `, ${d.disconnects} dropped (${d.disconnectReasons[0] ?? ''})` : '') +
          (d.serverExit !== null ? `, server ${d.serverExit}` : '') +
          '\n',
      );
    } catch (err) {
      const error = `run failed: ${(err as Error).message.slice(0, 300)}`;
      outcomes.push({ scenario, server: name, measured: null, error });
      process.stdout.write(`${error}\n`);
    } finally {
      await server.stop();
    }
  }
}

const rows = tableRows(options.scenarios, outcomes);
process.stdout.write('\n' + textTable(rows) + '\n');
writeResults(resultsDir, options.scenarios, outcomes, {
  date: new Date().toISOString(),
  quick: options.quick,
  timing: options.timing,
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  durationS: Math.round((Date.now() - started) / 1000),
});
process.stdout.write(`\nwrote ${path.relative(process.cwd(), path.join(resultsDir, 'latest.json'))}\n`);
