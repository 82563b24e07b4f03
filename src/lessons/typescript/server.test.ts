import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Socket } from 'socket.io-client';
import {
  nextMatching,
  type Running,
  SERVERS,
  startApp,
} from '../../../test/harness.ts';
import type { ClientToServerEvents, ServerToClientEvents, Tally } from './contract.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const NSP = '/typescript';

/** The next tally `socket` hears that is exactly `expected`. */
const tallyOf = (socket: Client, expected: Tally) =>
  nextMatching<Tally>(
    socket as unknown as Socket,
    'poll:tally',
    (tally) => {
      try {
        assert.deepEqual(tally, expected);
        return true;
      } catch {
        return false;
      }
    },
    3000,
  );

for (const servers of SERVERS) {
  describe(`typescript ${servers.name}`, () => {
    let server: Running;
    beforeEach(async () => {
      server = await startApp({}, { servers: servers.count });
    });
    afterEach(async () => {
      await server.close();
    });

    test('a vote is answered with the choice it took, through its typed callback', async () => {
      const alice: Client = await server.client(NSP, { name: 'Alice' });
      assert.deepEqual(await alice.emitWithAck('poll:vote', 'tabs'), {
        ok: true,
        choice: 'tabs',
      });
    });

    test('a vote on one server moves the tally that a client of the other server sees', async () => {
      const alice: Client = await server.client(NSP, { name: 'Alice' });
      const bob: Client = await server.client(NSP, { name: 'Bob' });
      const seen = tallyOf(bob, { tabs: 1, spaces: 0 });
      await alice.emitWithAck('poll:vote', 'tabs');
      await seen;
    });

    test('changing a vote moves it, and does not count it twice', async () => {
      const alice: Client = await server.client(NSP, { name: 'Alice' });
      const bob: Client = await server.client(NSP, { name: 'Bob' });
      await alice.emitWithAck('poll:vote', 'tabs');
      await bob.emitWithAck('poll:vote', 'tabs');
      await tallyOf(alice, { tabs: 2, spaces: 0 });
      const moved = tallyOf(bob, { tabs: 1, spaces: 1 });
      await alice.emitWithAck('poll:vote', 'spaces');
      await moved;
    });

    test('a vote leaves the tally when its voter disconnects', async () => {
      const alice: Client = await server.client(NSP, { name: 'Alice' });
      const bob: Client = await server.client(NSP, { name: 'Bob' });
      await alice.emitWithAck('poll:vote', 'spaces');
      await tallyOf(bob, { tabs: 0, spaces: 1 });
      const gone = tallyOf(bob, { tabs: 0, spaces: 0 });
      alice.disconnect();
      await gone;
    });

    test('a choice outside the map is refused with a sentence, and counts for nothing', async () => {
      const alice: Client = await server.client(NSP, { name: 'Alice' });
      const bob: Client = await server.client(NSP, { name: 'Bob' });
      // What the types forbid, a hostile client sends anyway.
      const vote = (choice: unknown) =>
        (alice as unknown as Socket).emitWithAck('poll:vote', choice);
      assert.deepEqual(await vote('tab'), {
        ok: false,
        error: 'Vote "tabs" or "spaces".',
      });
      assert.deepEqual(await vote({ toString: 'tabs' }), {
        ok: false,
        error: 'Vote "tabs" or "spaces".',
      });
      const counted = tallyOf(bob, { tabs: 0, spaces: 1 });
      await bob.emitWithAck('poll:vote', 'spaces');
      await counted;
    });
  });
}
