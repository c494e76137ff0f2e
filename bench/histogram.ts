/**
 * Latency histogram with fixed, mergeable buckets.
 *
 * Cursor scenarios record millions of deliveries per run; keeping every sample (or shipping
 * them between worker threads) would cost more than the measurement itself. Buckets are exact
 * below 100 µs and 1.5 % wide above, so percentiles are within 1.5 % of the true value.
 */
const LINEAR_LIMIT_US = 100;
const GROWTH = 1.015;
const LOG_GROWTH = Math.log(GROWTH);
/** Enough buckets for latencies up to about an hour. */
export const BUCKET_COUNT = LINEAR_LIMIT_US + Math.ceil(Math.log(3.6e9 / LINEAR_LIMIT_US) / LOG_GROWTH) + 1;

/** Bucket index of a latency in microseconds. */
export function bucketOf(us: number): number {
  if (us < LINEAR_LIMIT_US) return us <= 0 ? 0 : Math.floor(us);
  const i = LINEAR_LIMIT_US + Math.floor(Math.log(us / LINEAR_LIMIT_US) / LOG_GROWTH);
  return i < BUCKET_COUNT ? i : BUCKET_COUNT - 1;
}

/** Upper bound of a bucket in microseconds (what a percentile reports: never optimistic). */
export function bucketUpperUs(i: number): number {
  if (i < LINEAR_LIMIT_US) return i + 1;
  return LINEAR_LIMIT_US * Math.pow(GROWTH, i - LINEAR_LIMIT_US + 1);
}

/** A histogram is a plain typed array so it can cross a worker boundary by copy. */
export type Histogram = Float64Array;

export function newHistogram(): Histogram {
  return new Float64Array(BUCKET_COUNT);
}

export function record(h: Histogram, us: number): void {
  h[bucketOf(us)] += 1;
}

export function mergeInto(target: Histogram, source: Histogram): void {
  for (let i = 0; i < BUCKET_COUNT; i++) target[i] += source[i];
}

export function countOf(h: Histogram): number {
  let n = 0;
  for (let i = 0; i < BUCKET_COUNT; i++) n += h[i];
  return n;
}

/** The q-quantile (0..1) in milliseconds, or null when nothing was recorded. */
export function quantileMs(h: Histogram, q: number): number | null {
  const total = countOf(h);
  if (total === 0) return null;
  const rank = Math.ceil(q * total);
  let seen = 0;
  for (let i = 0; i < BUCKET_COUNT; i++) {
    seen += h[i];
    if (seen >= rank) return bucketUpperUs(i) / 1000;
  }
  return bucketUpperUs(BUCKET_COUNT - 1) / 1000;
}
