import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startApp } from '../harness.ts';

// Shutting down, the Redis connections close while a lesson may still ask the
// other servers something (a tally due a moment after the last disconnect).
// The adapter sends such a question with a PUBLISH whose failure it leaves
// unhandled (@socket.io/redis-streams-adapter 0.3.1): an unhandled rejection,
// which fails a test and is logged as an error by `npm start`.
test('a question to the other servers, asked after the Redis connection closed, fails without an unhandled rejection', {
  timeout: 20_000,
}, async () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  const server = await startApp({}, { servers: 2 });
  try {
    const counter = server.app.io.of('/sockets-intro');
    // The adapters know each other (heartbeats): a question now goes to the other server.
    for (let tries = 0; (await counter.adapter.serverCount()) < 2; tries++) {
      assert.ok(tries < 100, 'the two servers never saw each other');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // A question in flight as the adapter's Redis connection closes (at shutdown: a lesson's
    // timer, due a moment after the last disconnect): the count of servers comes back, the
    // question itself finds the connection closed.
    const asked = counter.timeout(200).fetchSockets();
    await server.connections[0]!.bus.close();
    await assert.rejects(asked);
    assert.deepEqual(unhandled.map(String), []);
  } finally {
    process.off('unhandledRejection', onUnhandled);
    await server.close();
  }
});
