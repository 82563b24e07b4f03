import assert from 'node:assert/strict';
import { DatabaseSync } from 'node:sqlite';
import { after, before, describe, test } from 'node:test';
import { startRedis } from '../../scripts/redis-server.ts';
import { silentLogger } from '../../src/server/log.ts';
import { connectRedis, type RedisConnections } from '../../src/server/scale/redis.ts';
import { type ClassStore, MAX_NAMES_PER_CLASS, sqliteClassStore } from '../../src/server/storage/class-store.ts';
import { redisClassStore } from '../../src/server/storage/redis-class-store.ts';

// A review found one address could make a class keep names (and each name's shared code) without end.
describe('the class stores', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let connections: RedisConnections;
  before(async () => {
    redis = await startRedis();
    connections = await connectRedis(redis.url, silentLogger);
  });
  after(async () => {
    await Promise.all([connections.store.close(), connections.bus.close()]);
    await redis.stop();
  });
  const stores: [string, () => ClassStore][] = [
    ['SQLite', () => sqliteClassStore(new DatabaseSync(':memory:'))],
    ['Redis', () => redisClassStore(connections.store)],
  ];
  for (const [name, make] of stores) {
    test(`${name}: a class holds at most ${MAX_NAMES_PER_CLASS} names; the ones it has still get back in`, async () => {
      const store = make();
      await store.createClass('FULL22', 'Full');
      const key = (n: number) => `student-key-${String(n).padStart(8, '0')}`;
      for (let n = 0; n < MAX_NAMES_PER_CLASS; n++) {
        assert.equal(await store.claimName('FULL22', `Student ${n}`, key(n)), 'ok');
      }
      assert.equal(await store.claimName('FULL22', 'One more', key(99_999)), 'class full');
      assert.equal(await store.claimName('FULL22', 'Student 7', key(7)), 'ok');
    });
  }
});
