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
import type { ClientToServerEvents, ServerToClientEvents } from './contract.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const NSP = '/react';

/** A client that is in and has the count it is sent on arrival. */
async function join(
  server: Running,
  name: string,
): Promise<{ socket: Client; count: number }> {
  const socket: Client = server.open(NSP, { name });
  const count = await nextEvent<number>(socket, 'number:change', 3000);
  return { socket, count };
}

for (const servers of SERVERS) {
  describe(`react ${servers.name}`, () => {
    let server: Running;
    beforeEach(async () => {
      server = await startApp({}, { servers: servers.count });
    });
    afterEach(async () => {
      await server.close();
    });

    test('a newcomer is sent the count as it is, not 0', async () => {
      const alice = await join(server, 'Alice');
      assert.equal(alice.count, 0);
      await alice.socket.emitWithAck('increment');
      await alice.socket.emitWithAck('increment');
      const bob = await join(server, 'Bob');
      assert.equal(bob.count, 2);
    });

    test("an increment reaches every client, the clicker's own page included", async () => {
      const alice = await join(server, 'Alice');
      const bob = await join(server, 'Bob');
      const heard = [alice, bob].map(({ socket }) =>
        nextEvent<number>(socket, 'number:change', 3000),
      );
      assert.deepEqual(await alice.socket.emitWithAck('increment'), { ok: true });
      assert.deepEqual(await Promise.all(heard), [1, 1]);
    });

    test('a decrement takes one off for everyone (it is not a second increment)', async () => {
      const alice = await join(server, 'Alice');
      const bob = await join(server, 'Bob');
      // Both have heard the 1 (across two servers, each at its own moment) before the decrement.
      const ones = [alice, bob].map(({ socket }) =>
        nextEvent<number>(socket, 'number:change', 3000),
      );
      await alice.socket.emitWithAck('increment');
      assert.deepEqual(await Promise.all(ones), [1, 1]);
      const heard = [alice, bob].map(({ socket }) =>
        nextEvent<number>(socket, 'number:change', 3000),
      );
      await bob.socket.emitWithAck('decrement');
      assert.deepEqual(await Promise.all(heard), [0, 0]);
    });

    test("this lesson's count is its own: a click in sockets-intro does not move it", async () => {
      const alice = await join(server, 'Alice');
      const other = await server.client(`/sockets-intro`, { name: 'Cleo' });
      await other.emitWithAck('increment');
      const late = await join(server, 'Bob');
      assert.equal(late.count, 0);
      assert.deepEqual(await collect(alice.socket, 'number:change'), []);
    });

    test('an increment with an argument is refused with a sentence, and the count stays', async () => {
      const alice = await join(server, 'Alice');
      const answer = await (alice.socket as unknown as Socket).emitWithAck(
        'increment',
        5,
      );
      assert.deepEqual(answer, {
        ok: false,
        error: '"increment" got the wrong number of arguments.',
      });
      assert.equal((await join(server, 'Bob')).count, 0);
    });
  });
}
