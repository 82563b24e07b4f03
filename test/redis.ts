import { silentLogger } from '../src/server/log.ts';
import { connectRedis } from '../src/server/scale/redis.ts';

export { startRedis } from '../scripts/redis-server.ts';

/**
 * App options that keep everything in the Redis at `url`, emptied first (each
 * test starts from nothing), and how to close the connections afterwards.
 */
export async function storeOnRedis(url: string) {
  const redis = await connectRedis(url, silentLogger);
  await redis.store.flushAll();
  return {
    options: { redis },
    async close() {
      // Gently: the adapter's last writes (sessions kept for recovery) finish first.
      await Promise.all([redis.store.close(), redis.bus.close()]);
    },
  };
}
