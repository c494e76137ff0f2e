import { isIPv4, isIPv6 } from 'node:net';
import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Wrong join codes one address may try at once. A room on venue Wi-Fi shares one public
 * address and people mistype, so the burst is generous; a code has about 34 bits, and the
 * steady pace below leaves guessing one hopeless (about 60,000 tries a day, one chance in
 * 280,000 of finding a given workshop).
 */
export const WRONG_CODE_BURST = 100;
/** After the burst, one more wrong code is allowed each this many seconds. */
export const WRONG_CODE_REFILL_SECONDS = 2;
/** How long a spent burst stays spent; the steady pace goes on meanwhile. */
export const WRONG_CODE_BURST_SECONDS = 10 * 60;

/** The answer of {@link WrongCodeBudget.reserve}. */
export type Reservation =
  | { granted: true; /** Gives the try back: the code was right, and right codes are not counted. */ refund: () => Promise<void> }
  | { granted: false; /** When the next try is allowed. */ retryAfterMs: number };

/**
 * How many wrong join codes each address may still try: a burst of {@link WRONG_CODE_BURST},
 * then one each {@link WRONG_CODE_REFILL_SECONDS} seconds, so a crowd behind one address is
 * slowed, never shut out for minutes. rate-limiter-flexible's BurstyRateLimiter does the
 * counting: a steady limiter of one try per refill period, backed by a burst limiter.
 *
 * A try is reserved before the code is looked up and refunded when the code was right, so
 * any number of requests in flight at once never buys more lookups than the budget, and an
 * address with no budget left learns nothing, not even that a code was right.
 */
export class WrongCodeBudget {
  private readonly steady = new RateLimiterMemory({ points: 1, duration: WRONG_CODE_REFILL_SECONDS });
  // The steady limiter's first try is part of the burst the address sees.
  private readonly burst = new RateLimiterMemory({ points: WRONG_CODE_BURST - 1, duration: WRONG_CODE_BURST_SECONDS });
  private readonly limiter = new BurstyRateLimiter(this.steady, this.burst);

  /** Takes one try from the address's budget, to be refunded if the code turns out right. */
  async reserve(address: string): Promise<Reservation> {
    const key = addressKey(address);
    let taken: RateLimiterRes;
    try {
      taken = await this.limiter.consume(key);
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return { granted: false, retryAfterMs: Math.max(refusal.msBeforeNext, 0) };
      throw refusal;
    }
    // BurstyRateLimiter reports the steady limiter's count: within its one point, the steady
    // limiter paid for this try; beyond it, the burst did.
    const payer = taken.consumedPoints <= this.steady.points ? this.steady : this.burst;
    return { granted: true, refund: async () => void (await payer.reward(key)) };
  }
}

/**
 * The key an address is counted under. One IPv6 subscriber usually holds a whole /64, so
 * its addresses share one budget; IPv4-mapped IPv6 addresses count as the IPv4 address.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (isIPv4(address) || !isIPv6(address)) return address;
  // An embedded IPv4 tail (64:ff9b::192.0.2.1) is two groups of its own.
  const hexOnly = address.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_, a: string, b: string, c: string, d: string) =>
    `${((Number(a) << 8) | Number(b)).toString(16)}:${((Number(c) << 8) | Number(d)).toString(16)}`);
  const [head, tail = ''] = hexOnly.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === '' ? [] : tail.split(':');
  const missing = Math.max(8 - headGroups.length - tailGroups.length, 0);
  const groups = hexOnly.includes('::') ? [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups] : headGroups;
  return `${groups.slice(0, 4).map((group) => Number.parseInt(group, 16).toString(16)).join(':')}::/64`;
}
