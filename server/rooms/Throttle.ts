/**
 * Runs an action at most once per interval. A request inside the window is not lost: the
 * latest one runs once when the window ends, so the client still gets a correct answer.
 * An action that sent many bytes may push the window out further ({@link charge}), so
 * big answers are paid for in time.
 */
export class Throttle {
  private nextAllowed = -Infinity;
  private timer: NodeJS.Timeout | null = null;
  private pending: (() => void) | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly bytesPerSecond = Infinity,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Runs `action` now, or (replacing any earlier waiting one) when the window ends. */
  run(action: () => void): void {
    const wait = this.nextAllowed - this.now();
    if (wait <= 0 && !this.timer) {
      this.start(action);
      return;
    }
    this.pending = action;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const next = this.pending;
      this.pending = null;
      if (next) this.start(next);
    }, Math.max(0, wait));
    this.timer.unref();
  }

  /** Pushes the window out by the time `bytes` take at the allowed byte rate. */
  charge(bytes: number): void {
    this.nextAllowed = Math.max(this.nextAllowed, this.now()) + (bytes / this.bytesPerSecond) * 1000;
  }

  /** Forgets a waiting action (the socket closed). */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
  }

  private start(action: () => void): void {
    this.nextAllowed = this.now() + this.intervalMs;
    action();
  }
}
