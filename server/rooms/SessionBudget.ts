import type { SessionLimits } from './sessionLimits';
import { TokenBucket } from './TokenBucket';

/**
 * What one person may still send: messages and bytes, shared by every socket of their token,
 * so opening more sockets buys no more of the server. Frames are charged after they are read
 * (they are never dropped); a budget in debt means "stop reading until it refills".
 */
export class SessionBudget {
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;
  /**
   * Bytes of answers this person asked for (the whole document, everyone's presence). Charged
   * as if the person had sent them, without a burst, so asking costs no less than sending.
   */
  readonly answers: TokenBucket;

  constructor(limits: SessionLimits, now: () => number = () => performance.now()) {
    this.messages = new TokenBucket(limits.messageBurst, limits.messagesPerSecond, now);
    this.bytes = new TokenBucket(limits.byteBurst, limits.bytesPerSecond, now);
    this.answers = new TokenBucket(0, limits.bytesPerSecond, now);
  }

  /** Charges one incoming frame; returns how long its sender should wait (0: go on reading). */
  charge(size: number): number {
    this.messages.charge(1);
    this.bytes.charge(size);
    return this.msUntilOutOfDebt();
  }

  /** Milliseconds until neither messages nor bytes are in debt. */
  msUntilOutOfDebt(): number {
    return Math.max(this.messages.msUntil(0), this.bytes.msUntil(0));
  }

  /** Milliseconds until the budget is as full as a fresh one (forgetting it earlier would forgive debt). */
  msUntilFull(): number {
    return Math.max(this.messages.msUntil(Infinity), this.bytes.msUntil(Infinity), this.answers.msUntil(0));
  }
}
