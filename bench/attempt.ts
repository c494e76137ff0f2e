import { type Measured, runLoad, type Timing } from './loadgen';
import { waitForQuietMachine } from './measure';
import type { RunOutcome } from './report';
import type { Scenario } from './scenarios';
import { type ServerName, startServer } from './servers';

/** One measurement of one scenario on one fresh server process, with a one-line log. */
export async function attempt(scenario: Scenario, name: ServerName, timing: Timing, quietWaitS: number): Promise<RunOutcome> {
  const busy = await waitForQuietMachine(quietWaitS);
  process.stdout.write(
    `  scenario ${scenario.name} on ${name}${busy !== null && busy >= 25 ? ` (machine busy: ${busy.toFixed(0)} % of a core)` : ''} … `,
  );
  let server;
  try {
    server = await startServer(name, scenario.clients);
  } catch (err) {
    const error = `did not start: ${(err as Error).message.slice(0, 300)}`;
    process.stdout.write(`${error}\n`);
    return { scenario, server: name, measured: null, error };
  }
  try {
    const measured = await runLoad(server, scenario, timing);
    process.stdout.write(summary(scenario, measured) + '\n');
    return { scenario, server: name, measured, error: null };
  } catch (err) {
    const error = `run failed: ${(err as Error).message.slice(0, 300)}`;
    process.stdout.write(`${error}\n`);
    return { scenario, server: name, measured: null, error };
  } finally {
    await server.stop();
  }
}

function summary(scenario: Scenario, m: Measured): string {
  const d = m.detail;
  return (
    `p99 ${m.p99_ms?.toFixed(2) ?? '–'} ms, lost ${m.lost}/${d.editsExpected}` +
    (scenario.cursorHz > 0 ? `, cursor p99 ${m.cursor_p99_ms?.toFixed(2) ?? '–'} ms` : '') +
    `, CPU ${m.server_cpu_pct?.toFixed(0) ?? '–'} %, other load ${d.otherCpuPct?.toFixed(0) ?? '–'} %` +
    (d.connectFailures > 0 ? `, ${d.connectFailures} failed to connect (${d.connectErrors[0] ?? ''})` : '') +
    (d.disconnects > 0 ? `, ${d.disconnects} dropped (${d.disconnectReasons[0] ?? ''})` : '') +
    (d.serverExit !== null ? `, server ${d.serverExit}` : '') +
    (d.serverWarnings > 0 ? `, ${d.serverWarnings} server warnings (${d.serverWarningSamples[0] ?? ''})` : '')
  );
}

/** CPU used by others during the window, or Infinity when unknown or not measured. */
export function disturbance(o: RunOutcome): number {
  return o.measured?.detail.otherCpuPct ?? Infinity;
}
