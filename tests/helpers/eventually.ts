/** Options of {@link eventually}. */
export interface EventuallyOptions {
  /** Give up after this many milliseconds (default 10 s). */
  timeout?: number;
  /** Wait this long between attempts (default 50 ms). */
  interval?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_INTERVAL_MS = 50;

/**
 * Retries `fn` until it stops throwing and returns its result; after the timeout, throws
 * the last error. Tests wait for what a user would see instead of sleeping.
 */
export async function eventually<T>(fn: () => T | Promise<T>, options: EventuallyOptions = {}): Promise<T> {
  const timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
  const interval = options.interval ?? DEFAULT_INTERVAL_MS;
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      return await fn();
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) throw lastError;
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
