import type { RedisClient } from '../scale/redis.ts';

/**
 * A number that lesson code keeps outside itself, so that every server
 * process of a class sees the same one: in memory for one process, in Redis
 * for several. One per namespace.
 */
export interface Counter {
  get(): Promise<number>;
  /** Adds `delta` and answers the new value, in one step (two clicks at once both count). */
  add(delta: number): Promise<number>;
  /** Back to 0 (an instructor's reset, a class that ends). */
  reset(): Promise<void>;
}

export function memoryCounters(): (space: string) => Counter {
  const values = new Map<string, number>();
  return (space) => ({
    async get() {
      return values.get(space) ?? 0;
    },
    async add(delta) {
      const next = (values.get(space) ?? 0) + delta;
      values.set(space, next);
      return next;
    },
    async reset() {
      values.delete(space);
    },
  });
}

export function redisCounters(redis: RedisClient): (space: string) => Counter {
  return (space) => {
    const key = `workshop:counter:${space}`;
    return {
      async get() {
        return Number((await redis.get(key)) ?? 0);
      },
      add: (delta) => redis.incrBy(key, delta),
      async reset() {
        await redis.del(key);
      },
    };
  };
}
