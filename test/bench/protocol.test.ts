import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { test } from 'node:test';
import { isUsage, nextMessage } from '../../bench/servers/protocol.ts';

const usage = { type: 'usage', heapUsed: 1, rss: 2, cpuMs: 3 };

test("a worker's usage that comes right after another message of the same chunk is not missed", async () => {
  // As Node emits the messages of one IPC chunk: each on its own tick, both before the waiter runs again.
  const worker = new EventEmitter();
  const answer = nextMessage(worker, isUsage, 'usage', 1000);
  process.nextTick(() => worker.emit('message', { type: 'sticky:connection', data: 'abc' }));
  process.nextTick(() => worker.emit('message', usage));
  assert.deepEqual(await answer, usage);
  assert.equal(worker.listenerCount('message'), 0, 'the listener is gone once answered');
});

test('a usage that never comes fails the wait with what was awaited, and leaves no listener', async () => {
  const worker = new EventEmitter();
  await assert.rejects(nextMessage(worker, isUsage, 'usage from worker 2', 50), /no usage from worker 2 within 0.05 s/);
  assert.equal(worker.listenerCount('message'), 0);
});
