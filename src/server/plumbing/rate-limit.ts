import { makeLimiter, take } from '../limiters.ts';
import type { RedisClient } from '../scale/redis.ts';

/**
 * How much one person may send: `burst` events at once, `perSecond` on
 * average (a window of burst / perSecond seconds). Counted per person, not
 * per socket: by class member in a class, by address elsewhere, across every
 * socket, namespace and reconnection, and with Redis across processes.
 */
export interface Rates {
  /** What a person writes (chat messages). */
  message: { perSecond: number; burst: number };
  /** Any other event (demo clicks). */
  event: { perSecond: number; burst: number };
}

/** About 5 chat messages a second; demo clicks get a generous burst (a page holds several clients). */
export const RATES: Rates = {
  message: { perSecond: 5, burst: 10 },
  event: { perSecond: 20, burst: 60 },
};

export type RateKind = keyof Rates;

export function eventLimits(rates: Rates = RATES, redis?: RedisClient) {
  const limiter = (kind: RateKind) => {
    const { perSecond, burst } = rates[kind];
    return makeLimiter(
      { keyPrefix: `workshop:rate:${kind}`, points: burst, duration: Math.max(1, Math.ceil(burst / perSecond)) },
      redis,
    );
  };
  const limiters = { message: limiter('message'), event: limiter('event') };
  return {
    /** True if each of `who` may send one more event of this kind now (each is charged). */
    allows: async (kind: RateKind, who: string[]) =>
      (await Promise.all(who.map((key) => take(limiters[kind], key)))).every((taken) => taken !== false),
  };
}

export type EventLimits = ReturnType<typeof eventLimits>;

export { TOO_FAST } from '../../shared/acks.ts';
