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
const NSP = '/debugging';

/** The next `event` with every argument it came with (a broadcast with recovery on carries an offset last). */
function nextWithArgs(
  socket: Client,
  event: string,
  timeoutMs = 3000,
): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no "${event}" within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const listener = (name: string, ...args: unknown[]) => {
      if (name !== event) return;
      clearTimeout(timer);
      socket.offAny(listener);
      resolve(args);
    };
    socket.onAny(listener);
  });
}

for (const servers of SERVERS) {
  describe(`debugging ${servers.name}`, () => {
    let server: Running;
    beforeEach(async () => {
      server = await startApp({}, { servers: servers.count });
    });
    afterEach(async () => {
      await server.close();
    });

    /** Two clients (one on each server, with two), each once it has its count on arrival. */
    async function twoClients() {
      const alice = server.open<ServerToClientEvents, ClientToServerEvents>(NSP, {
        name: 'Alice',
      });
      const bob = server.open<ServerToClientEvents, ClientToServerEvents>(NSP, {
        name: 'Bob',
      });
      const arrived = await Promise.all(
        [alice, bob].map((s) => nextEvent<number>(s as never, 'count', 3000)),
      );
      return {
        alice: alice as Client,
        bob: bob as Client,
        count: Math.max(...arrived),
      };
    }

    test('a newcomer gets the count on arrival', async () => {
      const alice = server.open<ServerToClientEvents, ClientToServerEvents>(NSP, {
        name: 'Alice',
      });
      assert.equal(await nextEvent<number>(alice as never, 'count', 3000), 0);
    });

    test('an increment reaches every client, the sender included', async () => {
      const { alice, bob, count } = await twoClients();
      const heard = [alice, bob].map((s) =>
        nextEvent<number>(s as never, 'count', 3000),
      );
      assert.deepEqual(await alice.emitWithAck('increment'), { ok: true });
      assert.deepEqual(await Promise.all(heard), [count + 1, count + 1]);
    });

    test('a mistyped event is answered with "unheard" naming it, to its sender alone, and changes nothing', async () => {
      const { alice, bob } = await twoClients();
      const bobHears = collect(bob as never, 'unheard', 400);
      const countsHeard = collect(bob as never, 'count', 400);
      (alice as unknown as Socket).emit('incremnt');
      assert.deepEqual(await nextEvent(alice as never, 'unheard'), {
        event: 'incremnt',
      });
      assert.deepEqual(await bobHears, []);
      assert.deepEqual(await countsHeard, []);
    });

    test('an event that has a listener gets no "unheard"', async () => {
      const { alice } = await twoClients();
      const unheard = collect(alice as never, 'unheard', 300);
      await alice.emitWithAck('increment');
      await alice.emitWithAck('ask:time');
      assert.deepEqual(await unheard, []);
    });

    test("asking the time is answered through the ack, with the server's clock", async () => {
      const { alice } = await twoClients();
      const before = Date.now();
      const answer = await alice.emitWithAck('ask:time');
      assert.equal(answer.ok, true);
      assert.ok(
        answer.ok && answer.time >= before - 1000 && answer.time <= Date.now() + 1000,
      );
    });

    test('a wave reaches every connected client, without the offset that a plain broadcast carries', async () => {
      const { alice, bob } = await twoClients();
      const waved = nextWithArgs(bob, 'waved');
      alice.emit('wave');
      assert.deepEqual(await waved, [{ from: 'Alice' }]);
      // A plain broadcast, for comparison: the count, then the offset recovery uses.
      const counted = nextWithArgs(bob, 'count');
      alice.emit('increment');
      const args = await counted;
      assert.equal(args.length, 2);
      assert.equal(typeof args[1], 'string');
    });

    test("the catch-all's answer names at most 40 characters of a long event name", async () => {
      const { alice } = await twoClients();
      (alice as unknown as Socket).emit('x'.repeat(500));
      assert.deepEqual(await nextEvent(alice as never, 'unheard'), {
        event: 'x'.repeat(40),
      });
    });
  });
}
