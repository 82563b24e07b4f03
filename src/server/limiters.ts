import {
  type IRateLimiterOptions,
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import type { RedisClient } from './scale/redis.ts';

/**
 * A counter of rate-limiter-flexible: in memory for one process, in Redis
 * (`REDIS_URL`) for several, so that a limit holds whichever process a
 * client reaches. Should Redis be away, the process counts on its own
 * meanwhile (the insurance limiter) rather than refuse or let everything by.
 */
export function makeLimiter(options: IRateLimiterOptions, redis?: RedisClient): RateLimiterAbstract {
  if (!redis) return new RateLimiterMemory(options);
  return new RateLimiterRedis({
    ...options,
    storeClient: redis,
    useRedisPackage: true,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory(options),
  });
}

/** Takes `points`; false when the key has used its allowance (a refusal is not an error). */
export async function take(limiter: RateLimiterAbstract, key: string, points = 1): Promise<RateLimiterRes | false> {
  try {
    return await limiter.consume(key, points);
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) return false;
    throw refusal;
  }
}
