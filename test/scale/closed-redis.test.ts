import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { test } from 'node:test';
import { createApp } from '../../src/server/app.ts';
import { silentLogger } from '../../src/server/log.ts';
import { connectRedis } from '../../src/server/scale/redis.ts';
import { adaptersListening } from '../harness.ts';
import { startRedis } from '../redis.ts';

// Shutting down, the Redis connections close while a lesson may still ask the
// other servers something (a tally due a moment after the last disconnect).
// The adapter sends such a question with a PUBLISH whose failure it leaves
// unhandled (@socket.io/redis-streams-adapter 0.3.1): in a server that is an
// unhandled rejection, and Node ends the process on one.
test('a question to the other servers, asked after the Redis connection closed, fails without an unhandled rejection', {
  timeout: 20_000,
}, async () => {
  const redis = await startRedis();
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  const servers = await Promise.all(
    [0, 1].map(async () => {
      const connections = await connectRedis(redis.url, silentLogger);
      const httpServer = createServer();
      const app = createApp(httpServer, { redis: connections });
      httpServer.listen(0, '127.0.0.1');
      await once(httpServer, 'listening');
      return { app, connections };
    }),
  );
  try {
    const [a] = servers;
    const counter = a!.app.io.of('/sockets-intro');
    // The adapters know each other (heartbeats): a question now goes to the other server.
    await adaptersListening(
      a!.connections.store,
      servers.map((s) => s.app),
    );
    for (let tries = 0; (await counter.adapter.serverCount()) < 2; tries++) {
      assert.ok(tries < 100, 'the two servers never saw each other');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // A question in flight as the adapter's Redis connection closes (at shutdown: a lesson's
    // timer, due a moment after the last disconnect): the count of servers comes back, the
    // question itself finds the connection closed.
    const asked = counter.timeout(200).fetchSockets();
    await a!.connections.bus.close();
    await assert.rejects(asked);
    assert.deepEqual(unhandled.map(String), []);
  } finally {
    process.off('unhandledRejection', onUnhandled);
    await Promise.all(servers.map((s) => s.app.close()));
    const open = servers.flatMap((s) => [s.connections.store, s.connections.bus]).filter((c) => c.isOpen);
    await Promise.all(open.map((c) => c.close()));
    await redis.stop();
  }
});
