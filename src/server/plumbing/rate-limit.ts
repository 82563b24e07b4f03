/**
 * A token bucket: `burst` events at once, then `perSecond` on average. One
 * per socket and kind of event, so a flood from one client costs only that
 * client its turn.
 */
export function tokenBucket(perSecond: number, burst: number, now = () => performance.now()) {
  let tokens = burst;
  let last = now();
  return () => {
    const t = now();
    tokens = Math.min(burst, tokens + ((t - last) / 1000) * perSecond);
    last = t;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
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
