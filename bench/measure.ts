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
