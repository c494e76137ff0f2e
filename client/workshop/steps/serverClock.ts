import { useSyncExternalStore } from 'react';
import { clockOffset, type ClockSample } from '../../../shared/domain/timer';

/**
 * This device's idea of the server's clock. The shared timer keeps the moment it ends in
 * server time; a device whose clock is minutes off still shows the right remaining time once
 * it knows the offset. The offset comes from a few round trips to `GET /api/time` (the
 * shortest is the most exact), taken again now and then: clocks drift, and a laptop that
 * slept may have been set meanwhile.
 */

const SAMPLES = 5;
const RESAMPLE_EVERY_MS = 5 * 60_000;

let offsetMs = 0;
let known = false;
let sampling: Promise<void> | null = null;
let timer: ReturnType<typeof setInterval> | null = null;
const listeners = new Set<() => void>();

async function sampleOnce(): Promise<ClockSample | null> {
  const sentAt = Date.now();
  try {
    const response = await fetch('/api/time', { cache: 'no-store' });
    const receivedAt = Date.now();
    if (!response.ok) return null;
    const body = (await response.json()) as { now?: unknown };
    return typeof body.now === 'number' && Number.isFinite(body.now) ? { sentAt, receivedAt, serverTime: body.now } : null;
  } catch {
    return null;
  }
}

/** Asks the server's clock a few times, one after the other, and keeps the best estimate. */
function sample(): Promise<void> {
  sampling ??= (async () => {
    const samples: ClockSample[] = [];
    for (let i = 0; i < SAMPLES; i += 1) {
      const one = await sampleOnce();
      if (one) samples.push(one);
    }
    if (samples.length > 0) {
      offsetMs = clockOffset(samples);
      known = true;
      for (const listener of listeners) listener();
    }
  })().finally(() => {
    sampling = null;
  });
  return sampling;
}

const resampleWhenBack = (): void => {
  if (document.visibilityState === 'visible') void sample();
};

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    void sample();
    timer = setInterval(() => void sample(), RESAMPLE_EVERY_MS);
    window.addEventListener('online', resampleWhenBack);
    document.addEventListener('visibilitychange', resampleWhenBack);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      if (timer) clearInterval(timer);
      timer = null;
      window.removeEventListener('online', resampleWhenBack);
      document.removeEventListener('visibilitychange', resampleWhenBack);
    }
  };
}

/** The server's time now, as well as this device knows it. */
export function serverNow(): number {
  return Date.now() + offsetMs;
}

/** Keeps the server clock sampled while mounted; true once an offset is known. */
export function useServerClock(): boolean {
  return useSyncExternalStore(subscribe, () => known);
}
