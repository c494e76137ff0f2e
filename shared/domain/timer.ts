import type * as Y from 'yjs';
import { liveOf } from '../schema';

/**
 * The shared timer. Its state lives under `live.timer` as one JSON value written by the
 * facilitator, in the server's time: a running timer keeps the moment it ends, so every
 * device shows the same remaining time once it knows how far its own clock is off the
 * server's (see {@link clockOffset}), whatever its clock says.
 */
export type TimerStatus = 'idle' | 'running' | 'paused';

export interface TimerState {
  status: TimerStatus;
  /** What the timer was set to, in milliseconds (a minute added counts in). */
  durationMs: number;
  /** Server time (ms since 1970) when a running timer reaches zero; null otherwise. */
  endsAt: number | null;
  /** What is left of a paused or idle timer, in milliseconds. */
  remainingMs: number;
}

const TIMER_KEY = 'timer';
/** One minute, as "add a minute" adds it. */
export const MINUTE_MS = 60_000;
/** Longest timer: a whole day. */
export const MAX_TIMER_MS = 24 * 60 * MINUTE_MS;

export const IDLE_TIMER: TimerState = { status: 'idle', durationMs: 0, endsAt: null, remainingMs: 0 };

function clampMs(value: number): number {
  return Number.isNaN(value) ? 0 : Math.min(MAX_TIMER_MS, Math.max(0, Math.round(value)));
}

/** Why a value is not a timer state, or null when it is (the gate and the views agree on this). */
export function timerProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'shape';
  const timer = value as Record<string, unknown>;
  const keys = Object.keys(timer).sort().join(',');
  if (keys !== 'durationMs,endsAt,remainingMs,status') return 'shape';
  if (timer.status !== 'idle' && timer.status !== 'running' && timer.status !== 'paused') return 'status';
  for (const key of ['durationMs', 'remainingMs'] as const) {
    const ms = timer[key];
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > MAX_TIMER_MS) return key;
  }
  if (timer.status === 'running' ? typeof timer.endsAt !== 'number' || !Number.isFinite(timer.endsAt) : timer.endsAt !== null) return 'endsAt';
  return null;
}

/** The timer as the document holds it (idle at zero when never set or unreadable). */
export function timerOf(doc: Y.Doc): TimerState {
  const value = liveOf(doc).get(TIMER_KEY);
  return timerProblem(value) === null ? (value as TimerState) : IDLE_TIMER;
}

/** Milliseconds left at server time `serverNow`, never below zero. */
export function remainingMs(timer: TimerState, serverNow: number): number {
  if (timer.status === 'running' && timer.endsAt !== null) return Math.max(0, timer.endsAt - serverNow);
  return timer.remainingMs;
}

/** True when a running timer has reached zero at `serverNow`. */
export function hasRunOut(timer: TimerState, serverNow: number): boolean {
  return timer.status === 'running' && remainingMs(timer, serverNow) === 0;
}

/** Remaining time as people read it: whole seconds rounded up ("4:59", "1:02:03", "0:00"). */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** Writes the timer; throws, writing nothing, on a state the gate would refuse (a server time that is not a number). */
function write(doc: Y.Doc, timer: TimerState): void {
  const problem = timerProblem(timer);
  if (problem) throw new Error(`invalid timer: ${problem}`);
  doc.transact(() => liveOf(doc).set(TIMER_KEY, timer));
}

/**
 * Starts the timer (or resumes a paused one) at server time `serverNow`. A timer that ran out
 * starts again from its duration: it still says "running", but nothing is left to run.
 */
export function startTimer(doc: Y.Doc, serverNow: number): void {
  const timer = timerOf(doc);
  const ranOut = hasRunOut(timer, serverNow);
  if (timer.status === 'running' && !ranOut) return;
  const left = timer.remainingMs > 0 && !ranOut ? timer.remainingMs : timer.durationMs;
  if (left <= 0) return;
  write(doc, { status: 'running', durationMs: timer.durationMs, endsAt: serverNow + left, remainingMs: left });
}

/** Pauses a running timer, keeping what is left. */
export function pauseTimer(doc: Y.Doc, serverNow: number): void {
  const timer = timerOf(doc);
  if (timer.status !== 'running') return;
  write(doc, { status: 'paused', durationMs: timer.durationMs, endsAt: null, remainingMs: remainingMs(timer, serverNow) });
}

/** Adds a minute to whatever is left (a timer that ran out runs again for a minute). */
export function addMinute(doc: Y.Doc, serverNow: number): void {
  const timer = timerOf(doc);
  const durationMs = clampMs(timer.durationMs + MINUTE_MS);
  if (timer.status === 'running') {
    const left = clampMs(remainingMs(timer, serverNow) + MINUTE_MS);
    write(doc, { status: 'running', durationMs, endsAt: serverNow + left, remainingMs: left });
  } else {
    write(doc, { status: timer.status, durationMs, endsAt: null, remainingMs: clampMs(timer.remainingMs + MINUTE_MS) });
  }
}

/** Sets the timer back to `durationMs` (the current step's duration), stopped. */
export function resetTimer(doc: Y.Doc, durationMs: number): void {
  const ms = clampMs(durationMs);
  write(doc, { status: 'idle', durationMs: ms, endsAt: null, remainingMs: ms });
}

/** One exchange with the server's clock: when it was asked and answered on this device, and what it said. */
export interface ClockSample {
  sentAt: number;
  receivedAt: number;
  serverTime: number;
}

/**
 * How far the server's clock is ahead of this device's, in milliseconds (add it to
 * `Date.now()` to get server time). The sample with the shortest round trip is the most
 * exact: its answer was written about halfway through it.
 */
export function clockOffset(samples: readonly ClockSample[]): number {
  const usable = samples.filter((sample) => sample.receivedAt >= sample.sentAt && Number.isFinite(sample.serverTime));
  if (usable.length === 0) return 0;
  const best = usable.reduce((a, b) => (b.receivedAt - b.sentAt < a.receivedAt - a.sentAt ? b : a));
  return Math.round(best.serverTime - (best.sentAt + best.receivedAt) / 2);
}
