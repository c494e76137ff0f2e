/**
 * Microseconds on the system's monotonic clock. `process.hrtime` reads CLOCK_MONOTONIC, which
 * is the same for every thread and process on the machine, so a send time written by one
 * worker can be subtracted from a receive time read by another.
 */
export function nowUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}
