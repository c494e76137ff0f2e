import type { TokenBucket } from './TokenBucket';

/**
 * Runs an action at most once per interval. A request inside the window is not lost: the
 * latest one runs once when the window ends, so the client still gets a correct answer.
 * An action that sent many bytes may push the window out further ({@link charge}) through a
 * byte pace that several throttles can share, so big answers are paid for in time by the
 * person who asked, whichever of their sockets asked.
 */
export class Throttle {
  private nextAllowed = -Infinity;
  private timer: NodeJS.Timeout | null = null;
  private pending: (() => void) | null = null;

  /**
   * @param intervalMs shortest time between two runs
   * @param pace bytes charged with {@link charge}; a run waits until it is out of debt
   */
  constructor(
    private readonly intervalMs: number,
    private readonly pace: TokenBucket | null = null,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Runs `action` now, or (replacing any earlier waiting one) when the window ends. */
  run(action: () => void): void {
    if (!this.timer && this.wait() <= 0) {
      this.start(action);
      return;
    }
    this.pending = action;
    this.arm();
  }

  /** Pushes the window out by the time `bytes` take at the pace's byte rate. */
  charge(bytes: number): void {
    this.pace?.charge(bytes);
  }

  /** Forgets a waiting action (the socket closed). */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
  }

  private wait(): number {
    return Math.max(this.nextAllowed - this.now(), this.pace?.msUntil(0) ?? 0);
  }

  private arm(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      // Another socket of the same person may have spent the shared pace meanwhile.
      if (this.wait() > 0) return this.arm();
      const next = this.pending;
      this.pending = null;
      if (next) this.start(next);
    }, Math.max(0, this.wait()));
    this.timer.unref();
  }

  private start(action: () => void): void {
    this.nextAllowed = this.now() + this.intervalMs;
    action();
  }
}
