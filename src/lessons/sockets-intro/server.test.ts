import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Socket } from 'socket.io-client';
import {
  collect,
  nextEvent,
  type Running,
  SERVERS,
  startApp,
} from '../../../test/harness.ts';
import { type Client, join, NSP } from './test-helpers.ts';

// The workshop's side of this lesson (payload validation, unknown events, the
// handshake's name, apps that share nothing), on Node only. The lesson's own contract
// is in contract.test.ts, which runs in a browser page too.

for (const servers of SERVERS)
  describe(`sockets-intro ${servers.name}`, () => {
    let server: Running;
    beforeEach(async () => {
      server = await startApp({}, { servers: servers.count });
    });
    afterEach(async () => {
      await server.close();
    });

    test('thanks is acknowledged; an empty or malformed thanks is refused with a sentence', async () => {
      const alice = await join(server);
      assert.deepEqual(
        await alice.emitWithAck('thanks', { message: 'Glad to be here' }),
        { ok: true },
      );
      assert.deepEqual(await alice.emitWithAck('thanks', { message: '   ' }), {
        ok: false,
        error: 'The text cannot be empty.',
      });
      const wrong = await (alice as unknown as Socket).emitWithAck('thanks', 'hello');
      assert.equal(wrong.ok, false);
      assert.match(wrong.error, /\{ message: "\.\.\." \}/);
    });

    test('a refused or unknown event changes nothing and reaches nobody', async () => {
      const alice = await join(server);
      const bob = await join(server);
      const raw = alice as unknown as Socket;
      const extra = await raw.emitWithAck('increment', 'extra');
      assert.deepEqual(extra, {
        ok: false,
        error: '"increment" got the wrong number of arguments.',
      });
      const unknown = await raw.emitWithAck('reset');
      assert.deepEqual(unknown, {
        ok: false,
        error: 'This demo has no event called "reset".',
      });
      // A typo is told what it most likely meant.
      assert.deepEqual(await raw.emitWithAck('decrment'), {
        ok: false,
        error: 'This demo has no event called "decrment": did you mean "decrement"?',
      });
      assert.deepEqual(await collect(bob, 'number:change'), []);
      // The count is still 0: a new increment makes it 1.
      const seen = nextEvent<number>(bob, 'number:change');
      alice.emit('increment');
      assert.equal(await seen, 1);
    });

    test('a name over 24 characters is refused at the handshake', async () => {
      await assert.rejects(server.client(NSP, { name: 'x'.repeat(25) }), {
        message: 'Your name can be at most 24 characters.',
      });
    });

    test('guests are numbered per namespace, and two apps do not share a count', async () => {
      const other = await startApp();
      try {
        const alice = await join(server);
        const seen = nextEvent<number>(alice, 'number:change');
        alice.emit('increment');
        assert.equal(await seen, 1);
        const elsewhere: Client = other.open(NSP);
        const [count, welcome] = await Promise.all([
          nextEvent<number>(elsewhere, 'number:change'),
          nextEvent<{ message: string }>(elsewhere, 'welcome'),
        ]);
        assert.equal(count, 0);
        assert.match(welcome.message, /Guest 1!/);
      } finally {
        await other.close();
      }
    });
  });
