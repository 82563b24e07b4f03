import { makeLimiter, take } from './limiters.ts';
import type { RedisClient } from './scale/redis.ts';

/** How many wrong tries an address gets: answered at once, then more and more slowly, then not at all for a while. */
export interface GuessLimits {
  /** Wrong tries answered without delay. */
  slowAfter: number;
  /** Wrong tries within `windowMs` after which the address is refused. */
  blockAfter: number;
  windowMs: number;
  /** How long a refused address stays refused. */
  blockMs: number;
}

/**
 * A person who mistypes a class code or a token a few times is never slowed
 * down; a script trying thousands gets 30 tries in 10 minutes, and then none
 * for 15. (A class code is one of 32^6, an instructor token 16 characters or more.)
 */
export const GUESSES: GuessLimits = { slowAfter: 5, blockAfter: 30, windowMs: 10 * 60_000, blockMs: 15 * 60_000 };

/**
 * A lesson's own checks (the staff room's token) guard nothing secret (the
 * page prints the token) and knocking wrong is the lesson: a learner gets
 * plenty of tries, a script still not thousands.
 */
export const LESSON_GUESSES: GuessLimits = {
  slowAfter: 30,
  blockAfter: 120,
  windowMs: 10 * 60_000,
  blockMs: 5 * 60_000,
};

/**
 * Tries being checked at once from one address. Counting a wrong try only
 * once it is known wrong would let a burst of tries in one write all be
 * checked before the first is counted: so few may be in flight at a time (a
 * page in a class opens a handful of sockets at once).
 */
export const MAX_TRIES_IN_FLIGHT = 16;
export const TOO_MANY_AT_ONCE = 'Too many tries at once from your address: wait for their answers, then try again.';
/** A try that never says how it ended (a store that failed meanwhile) stops counting as in flight after this long. */
const IN_FLIGHT_MAX_MS = 30_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function inWords(ms: number): string {
  const minutes = Math.ceil(ms / 60_000);
  if (ms < 60_000) return `${Math.max(1, Math.ceil(ms / 1000))} seconds`;
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/**
 * Wrong tries at anything that can be guessed (the instructor token, a class
 * code, a student key, the staff room's token), counted per address: with
 * Redis, across processes.
 */
export function guessLimits(limits: GuessLimits = GUESSES, redis?: RedisClient, name = 'secrets') {
  // The try that goes over `points` blocks the key for `blockDuration`: the `blockAfter`-th one.
  const points = Math.max(1, limits.blockAfter - 1);
  const limiter = makeLimiter(
    {
      keyPrefix: `workshop:guess:${name}`,
      points,
      duration: Math.ceil(limits.windowMs / 1000),
      blockDuration: Math.ceil(limits.blockMs / 1000),
    },
    redis,
  );
  const inFlight = new Map<string, number>();
  async function barred(address: string): Promise<string | undefined> {
    const seen = await limiter.get(address);
    if (!seen || seen.consumedPoints <= points) return undefined;
    return `Too many wrong tries from your address: try again in ${inWords(seen.msBeforeNext)}.`;
  }
  return {
    /**
     * Starts a try: why this address may not try now (a sentence that says
     * when it may), or nothing; `leave` ends the try (once, whatever happens).
     */
    async enter(address: string): Promise<{ barred?: string; leave: () => void }> {
      if ((inFlight.get(address) ?? 0) >= MAX_TRIES_IN_FLIGHT) return { barred: TOO_MANY_AT_ONCE, leave: () => {} };
      inFlight.set(address, (inFlight.get(address) ?? 0) + 1);
      let left = false;
      const leave = () => {
        if (left) return;
        left = true;
        clearTimeout(timer);
        const n = (inFlight.get(address) ?? 1) - 1;
        if (n > 0) inFlight.set(address, n);
        else inFlight.delete(address);
      };
      const timer = setTimeout(leave, IN_FLIGHT_MAX_MS);
      timer.unref();
      try {
        const why = await barred(address);
        if (why) leave();
        return { barred: why, leave };
      } catch (error) {
        leave();
        throw error;
      }
    },
    /** Counts a wrong try; resolves when its refusal may be sent (later and later after `slowAfter`). */
    async failed(address: string): Promise<void> {
      const counted = await take(limiter, address);
      const over = counted ? counted.consumedPoints - limits.slowAfter : limits.blockAfter;
      if (over > 0) await sleep(Math.min(250 * 2 ** (over - 1), 4000));
    },
  };
}
