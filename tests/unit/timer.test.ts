import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addMinute, clockOffset, formatRemaining, hasRunOut, IDLE_TIMER, MAX_TIMER_MS, MINUTE_MS, pauseTimer, remainingMs, resetTimer, startTimer,
  timerOf, timerProblem, type ClockSample,
} from '../../shared/domain/timer';
import { liveOf } from '../../shared/schema';

const FIVE_MINUTES = 5 * MINUTE_MS;
/** Server time at the start of each scenario. */
const T0 = Date.UTC(2026, 2, 12, 9, 0, 0);

/**
 * A device whose clock is `skewMs` off the server's. It asks the server's time a few times
 * over a link with the given one-way delays (ms), as the browser samples `GET /api/time`.
 */
class Device {
  offset = 0;

  constructor(
    readonly skewMs: number,
    /** Server time now; shared by every device of a scenario. */
    private readonly server: { now: number },
  ) {}

  /** What `Date.now()` says on this device. */
  localNow(): number {
    return this.server.now + this.skewMs;
  }

  /** Samples the server's clock over a link with these (there, back) delays, then estimates the offset. */
  sync(delays: Array<[number, number]>): void {
    const samples: ClockSample[] = [];
    for (const [there, back] of delays) {
      const sentAt = this.localNow();
      this.server.now += there;
      const serverTime = this.server.now;
      this.server.now += back;
      samples.push({ sentAt, receivedAt: this.localNow(), serverTime });
    }
    this.offset = clockOffset(samples);
  }

  /** Server time as this device estimates it. */
  serverNow(): number {
    return this.localNow() + this.offset;
  }

  /** What this device shows for the shared timer. */
  shows(doc: Y.Doc): number {
    return remainingMs(timerOf(doc), this.serverNow());
  }
}

function scenario() {
  const server = { now: T0 };
  const facilitator = new Device(0, server);
  const ahead = new Device(+FIVE_MINUTES, server);
  const behind = new Device(-FIVE_MINUTES, server);
  // Each on its own link: a fast LAN, a satellite link with uneven delays, a phone on 4G.
  facilitator.sync([[3, 2], [1, 1], [4, 6]]);
  ahead.sync([[300, 250], [280, 320], [260, 270], [400, 200]]);
  behind.sync([[40, 60], [25, 35], [90, 20]]);
  return { server, devices: [facilitator, ahead, behind], facilitator };
}

/** The largest difference between what the devices show. */
function spread(doc: Y.Doc, devices: Device[]): number {
  const shown = devices.map((device) => device.shows(doc));
  return Math.max(...shown) - Math.min(...shown);
}

describe('the server clock offset', () => {
  it('is found within the link’s asymmetry, whichever way a clock is off', () => {
    for (const skew of [-FIVE_MINUTES, -1234, 0, 777, FIVE_MINUTES]) {
      const server = { now: T0 };
      const device = new Device(skew, server);
      device.sync([[120, 80], [20, 20], [500, 30]]);
      // The shortest round trip (20 + 20) was symmetric: exact.
      expect(device.offset + skew).toBe(0);
      const lopsided = new Device(skew, server);
      lopsided.sync([[900, 100]]);
      // One sample, 1 s round trip, 800 ms asymmetric: off by half the asymmetry at most.
      expect(Math.abs(lopsided.offset + skew)).toBeLessThanOrEqual(400);
    }
  });

  it('ignores samples that cannot be (answered before asked, no time) and is zero without any', () => {
    expect(clockOffset([])).toBe(0);
    expect(clockOffset([{ sentAt: 10, receivedAt: 5, serverTime: 1000 }])).toBe(0);
    expect(clockOffset([{ sentAt: 10, receivedAt: 20, serverTime: Number.NaN }, { sentAt: 0, receivedAt: 100, serverTime: 1050 }])).toBe(1000);
  });
});

describe('the shared timer seen from devices whose clocks are five minutes off', () => {
  it('every device shows the same remaining time, within a second, through start, pause, a minute more and reset', () => {
    const doc = new Y.Doc();
    const { server, devices, facilitator } = scenario();
    resetTimer(doc, 10 * MINUTE_MS);
    for (const device of devices) expect(device.shows(doc)).toBe(10 * MINUTE_MS);

    startTimer(doc, facilitator.serverNow());
    // Half a second from a whole one: each device's estimate is off by far less than that.
    server.now += 89_500;
    expect(spread(doc, devices)).toBeLessThan(1000);
    for (const device of devices) expect(formatRemaining(device.shows(doc))).toBe('8:31');

    pauseTimer(doc, facilitator.serverNow());
    server.now += 600_000; // a long pause: nothing runs down
    expect(timerOf(doc).status).toBe('paused');
    expect(spread(doc, devices)).toBe(0);
    for (const device of devices) expect(formatRemaining(device.shows(doc))).toBe('8:31');

    startTimer(doc, facilitator.serverNow());
    server.now += 30_000;
    addMinute(doc, facilitator.serverNow());
    expect(timerOf(doc).durationMs).toBe(11 * MINUTE_MS);
    expect(spread(doc, devices)).toBeLessThan(1000);
    for (const device of devices) expect(formatRemaining(device.shows(doc))).toBe('9:01');

    resetTimer(doc, 10 * MINUTE_MS);
    for (const device of devices) expect(device.shows(doc)).toBe(10 * MINUTE_MS);
  });

  it('runs out at the same moment everywhere, and a minute more runs again', () => {
    const doc = new Y.Doc();
    const { server, devices, facilitator } = scenario();
    resetTimer(doc, 2 * MINUTE_MS);
    startTimer(doc, facilitator.serverNow());
    server.now += 2 * MINUTE_MS - 1500;
    for (const device of devices) expect(hasRunOut(timerOf(doc), device.serverNow())).toBe(false);
    server.now += 3000;
    for (const device of devices) {
      expect(hasRunOut(timerOf(doc), device.serverNow())).toBe(true);
      expect(device.shows(doc)).toBe(0);
      expect(formatRemaining(device.shows(doc))).toBe('0:00');
    }
    addMinute(doc, facilitator.serverNow());
    for (const device of devices) expect(hasRunOut(timerOf(doc), device.serverNow())).toBe(false);
    expect(formatRemaining(facilitator.shows(doc))).toBe('1:00');
  });

  it('a timer that ran out starts again from its duration', () => {
    const doc = new Y.Doc();
    const { server, devices, facilitator } = scenario();
    resetTimer(doc, MINUTE_MS);
    startTimer(doc, facilitator.serverNow());
    server.now += 2 * MINUTE_MS;
    expect(hasRunOut(timerOf(doc), facilitator.serverNow())).toBe(true);
    startTimer(doc, facilitator.serverNow());
    expect(timerOf(doc).status).toBe('running');
    server.now += 500;
    for (const device of devices) expect(formatRemaining(device.shows(doc))).toBe('1:00');
  });
});

describe('timer arithmetic', () => {
  it('starts only with time to run, and never twice', () => {
    const doc = new Y.Doc();
    expect(timerOf(doc)).toEqual(IDLE_TIMER);
    startTimer(doc, T0);
    expect(timerOf(doc)).toEqual(IDLE_TIMER);
    resetTimer(doc, 60_000);
    startTimer(doc, T0);
    expect(timerOf(doc)).toEqual({ status: 'running', durationMs: 60_000, endsAt: T0 + 60_000, remainingMs: 60_000 });
    startTimer(doc, T0 + 10_000);
    expect(timerOf(doc).endsAt).toBe(T0 + 60_000);
    pauseTimer(doc, T0 + 20_000);
    pauseTimer(doc, T0 + 30_000);
    expect(timerOf(doc)).toEqual({ status: 'paused', durationMs: 60_000, endsAt: null, remainingMs: 40_000 });
    startTimer(doc, T0 + 50_000);
    expect(timerOf(doc).endsAt).toBe(T0 + 90_000);
  });

  it('adds a minute to an idle or paused timer without starting it, and stops at a day', () => {
    const doc = new Y.Doc();
    addMinute(doc, T0);
    expect(timerOf(doc)).toEqual({ status: 'idle', durationMs: MINUTE_MS, endsAt: null, remainingMs: MINUTE_MS });
    resetTimer(doc, MAX_TIMER_MS + 5);
    expect(timerOf(doc).remainingMs).toBe(MAX_TIMER_MS);
    addMinute(doc, T0);
    expect(timerOf(doc).remainingMs).toBe(MAX_TIMER_MS);
    resetTimer(doc, -5);
    expect(timerOf(doc).remainingMs).toBe(0);
    for (const state of [timerOf(doc)]) expect(timerProblem(state)).toBeNull();
  });

  it('every state it writes is a valid timer', () => {
    const doc = new Y.Doc();
    const states: unknown[] = [];
    liveOf(doc).observe(() => states.push(liveOf(doc).get('timer')));
    resetTimer(doc, 5 * MINUTE_MS);
    startTimer(doc, T0);
    addMinute(doc, T0 + 1000);
    pauseTimer(doc, T0 + 2000);
    addMinute(doc, T0 + 3000);
    startTimer(doc, T0 + 4000);
    resetTimer(doc, 0);
    expect(states.length).toBe(7);
    for (const state of states) expect(timerProblem(state)).toBeNull();
  });

  it('writes nothing the gate would refuse: a server time that is not a number throws, a duration that is none is zero', () => {
    const doc = new Y.Doc();
    resetTimer(doc, MINUTE_MS);
    const before = timerOf(doc);
    expect(() => startTimer(doc, Number.NaN)).toThrow(/timer/);
    expect(timerOf(doc)).toEqual(before);
    resetTimer(doc, Number.NaN);
    expect(timerOf(doc)).toEqual({ status: 'idle', durationMs: 0, endsAt: null, remainingMs: 0 });
  });

  it('reads a broken value as an idle timer, and says what is wrong with it', () => {
    const doc = new Y.Doc();
    liveOf(doc).set('timer', { status: 'running', durationMs: 1000, endsAt: null, remainingMs: 1000 });
    expect(timerOf(doc)).toEqual(IDLE_TIMER);
    expect(timerProblem('soon')).toBe('shape');
    expect(timerProblem({ status: 'idle', durationMs: 0, endsAt: null, remainingMs: 0, extra: 1 })).toBe('shape');
    expect(timerProblem({ status: 'stopped', durationMs: 0, endsAt: null, remainingMs: 0 })).toBe('status');
    expect(timerProblem({ status: 'idle', durationMs: -1, endsAt: null, remainingMs: 0 })).toBe('durationMs');
    expect(timerProblem({ status: 'idle', durationMs: 0, endsAt: null, remainingMs: Number.POSITIVE_INFINITY })).toBe('remainingMs');
    expect(timerProblem({ status: 'paused', durationMs: 0, endsAt: 5, remainingMs: 0 })).toBe('endsAt');
    expect(timerProblem({ status: 'running', durationMs: 0, endsAt: Number.NaN, remainingMs: 0 })).toBe('endsAt');
  });

  it('formats what is left as people read it, rounding seconds up', () => {
    expect(formatRemaining(0)).toBe('0:00');
    expect(formatRemaining(-50)).toBe('0:00');
    expect(formatRemaining(1)).toBe('0:01');
    expect(formatRemaining(299_001)).toBe('5:00');
    expect(formatRemaining(299_000)).toBe('4:59');
    expect(formatRemaining(3_723_000)).toBe('1:02:03');
  });
});
