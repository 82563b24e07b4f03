import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Socket } from 'socket.io-client';
import { type Running, SERVERS, startApp } from '../../../test/harness.ts';
import { type Client, NSP } from './test-helpers.ts';

// The workshop's side of this lesson (payload validation), on Node only. The lesson's
// own contract is in contract.test.ts, which runs in a browser page too.

for (const servers of SERVERS) {
  describe(`acknowledgements ${servers.name}`, () => {
    let server: Running;
    beforeEach(async () => {
      server = await startApp({}, { servers: servers.count });
    });
    afterEach(async () => {
      await server.close();
    });

    test('a bad delay or text is refused with a sentence, and nothing is answered', async () => {
      const alice: Client = await server.client(NSP, { name: 'Alice' });
      const send = (payload: unknown) =>
        (alice as unknown as Socket).emitWithAck('question:send', payload);
      assert.deepEqual(await send({ text: 'x', delayMs: 20_000 }), {
        ok: false,
        error: 'The delay can be at most 10 seconds.',
      });
      assert.deepEqual(await send({ text: 'x', delayMs: -1 }), {
        ok: false,
        error: 'The delay cannot be negative.',
      });
      assert.deepEqual(await send({ text: '', delayMs: 0 }), {
        ok: false,
        error: 'The text cannot be empty.',
      });
      assert.deepEqual(await send('hi'), {
        ok: false,
        error: 'Send { text, delayMs }.',
      });
    });
  });
}
