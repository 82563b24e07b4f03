import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TokenBucket } from '../../src/server/plumbing/rate-limit.ts';
import { chatters, collect, startApp } from '../harness.ts';
import type { Socket } from 'socket.io-client';

test('a token bucket allows a burst, then the rate', () => {
  let now = 0;
  const bucket = new TokenBucket(5, 5, () => now);
  const allow = () => bucket.take();
  assert.deepEqual(Array.from({ length: 7 }, () => allow()), [true, true, true, true, true, false, false]);
  now += 200; // one fifth of a second: one more
  assert.deepEqual([allow(), allow()], [true, false]);
  now += 10_000; // a long pause refills only up to the burst
  assert.equal(Array.from({ length: 10 }, () => allow()).filter(Boolean).length, 5);
});

test('a chat flood is refused after about 5 messages, for that client only', async () => {
  const server = await startApp();
  try {
    const [ada, bo] = (await chatters(server, ['Ada', 'Bo'])) as [Socket, Socket];
    const heard = collect<{ text: string }>(bo, 'message', 300);
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => ada.emitWithAck('sendMessage', `spam ${i}`)));
    const refused = answers.filter((a) => !a.ok);
    assert.equal(answers.length - refused.length, 5);
    assert.ok(refused.every((a) => a.error === 'Too many messages, slow down'));
    assert.equal((await heard).length, 5, 'only the accepted messages reached Bo');
    assert.equal((await bo.emitWithAck('sendMessage', 'my turn')).ok, true, "Bo's own allowance is untouched");
  } finally {
    await server.close();
  }
});
