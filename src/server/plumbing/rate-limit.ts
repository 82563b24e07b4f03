/**
 * A token bucket: `burst` events at once, then `perSecond` on average. One
 * per socket and kind of event, so a flood from one client costs only that
 * client its turn. Two numbers of state: a server holds thousands of them.
 */
const monotonicMs = () => performance.now();

export class TokenBucket {
  private readonly perSecond: number;
  private readonly burst: number;
  private readonly now: () => number;
  private tokens: number;
  private last: number;

  constructor(perSecond: number, burst: number, now = monotonicMs) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.now = now;
    this.tokens = burst;
    this.last = now();
  }

  /** Takes a token if there is one. */
  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export interface Rates {
  /** What a person writes (chat messages). */
  message: { perSecond: number; burst: number };
  /** Any other event (demo clicks). */
  event: { perSecond: number; burst: number };
}

/** About 5 chat messages a second; demo clicks get a generous burst. */
export const RATES: Rates = {
  message: { perSecond: 5, burst: 5 },
  event: { perSecond: 20, burst: 40 },
};

export { TOO_FAST } from '../../shared/acks.ts';
