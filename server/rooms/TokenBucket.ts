/**
 * A token bucket: `capacity` tokens, refilled at `perSecond`. Used per person for messages
 * and bytes, so one client cannot starve the others. A bucket may also be charged into debt
 * ({@link charge}): the work was already done, and the debt is the time its owner waits.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  /** Takes `amount` tokens; false (and nothing taken) when the bucket does not hold them. */
  take(amount: number): boolean {
    this.refill();
    if (this.tokens < amount) return false;
    this.tokens -= amount;
    return true;
  }

  /** Takes `amount` tokens even when the bucket does not hold them, leaving it in debt. */
  charge(amount: number): void {
    this.refill();
    this.tokens -= amount;
  }

  /** Milliseconds until the bucket holds `amount` tokens again (0 when it does now). */
  msUntil(amount = 0): number {
    this.refill();
    const missing = Math.min(amount, this.capacity) - this.tokens;
    if (missing <= 0) return 0;
    return this.perSecond > 0 ? (missing / this.perSecond) * 1000 : Infinity;
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
  }
}
