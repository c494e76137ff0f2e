import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * CPU and memory of one process, read from /proc, so they are the server's alone (the load
 * generator runs in this process, the server in its own).
 */
const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime in seconds, or null once the process is gone. */
export function cpuSeconds(pid: number | 'self'): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // Fields after the command name, which may itself contain spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
  } catch {
    return null;
  }
}

/** A field of /proc/<pid>/status in MB (VmRSS, VmHWM), or null. */
function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'latin1');
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return m === null ? null : Number(m[1]) / 1024;
  } catch {
    return null;
  }
}

/** Current VmRSS of a process in MB, or null. */
export function rssMb(pid: number): number | null {
  return statusMb(pid, 'VmRSS');
}

/** Samples VmRSS of a process every `intervalMs` and keeps the peak. */
export class RssSampler {
  private peak = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly pid: number, intervalMs = 200) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  private sample(): void {
    const mb = statusMb(this.pid, 'VmRSS');
    if (mb !== null && mb > this.peak) this.peak = mb;
  }

  /** Stops sampling; returns the peak sampled VmRSS and the kernel's own high-water mark. */
  stop(): { peakMb: number; hwmMb: number | null } {
    this.sample();
    clearInterval(this.timer);
    return { peakMb: this.peak, hwmMb: statusMb(this.pid, 'VmHWM') };
  }
}

/** CPU use of a process over a window, in % of one core. */
export class CpuWindow {
  private startCpu: number | null = null;
  private startWall = 0;

  constructor(private readonly pid: number | 'self') {}

  begin(): void {
    this.startCpu = cpuSeconds(this.pid);
    this.startWall = performance.now();
  }

  end(): number | null {
    const now = cpuSeconds(this.pid);
    if (this.startCpu === null || now === null) return null;
    const wallS = (performance.now() - this.startWall) / 1000;
    return wallS > 0 ? ((now - this.startCpu) / wallS) * 100 : null;
  }
}

/** Busy and total CPU seconds of the whole machine (all cores), from /proc/stat. */
function machineCpu(): { busy: number; total: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'latin1').split('\n')[0];
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    const total = v.reduce((a, b) => a + b, 0);
    const idle = (v[3] ?? 0) + (v[4] ?? 0);
    return { busy: (total - idle) / CLK_TCK, total: total / CLK_TCK };
  } catch {
    return null;
  }
}

/**
 * Whole-machine CPU use over a window, in % of one core (so 2 cores = 200 %). The benchmark
 * machine may be shared; what neither the server nor the load generator used tells how much
 * the numbers were disturbed.
 */
export class MachineCpuWindow {
  private start: { busy: number; total: number } | null = null;
  private startWall = 0;

  begin(): void {
    this.start = machineCpu();
    this.startWall = performance.now();
  }

  end(): number | null {
    const now = machineCpu();
    if (this.start === null || now === null) return null;
    const wallS = (performance.now() - this.startWall) / 1000;
    return wallS > 0 ? ((now.busy - this.start.busy) / wallS) * 100 : null;
  }
}

/**
 * Waits (bounded) until the rest of the machine is nearly idle, because the benchmark host
 * may be shared with test runs. Returns the other load seen last, in % of one core.
 */
export async function waitForQuietMachine(maxWaitS: number, thresholdPct = 25): Promise<number | null> {
  const deadline = performance.now() + maxWaitS * 1000;
  let last: number | null = null;
  do {
    const w = new MachineCpuWindow();
    w.begin();
    await new Promise((r) => setTimeout(r, 1000));
    last = w.end();
    if (last === null || last < thresholdPct) return last;
  } while (performance.now() < deadline);
  return last;
}
