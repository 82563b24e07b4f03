import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import {
  CONTRACT_SERVERS,
  type ContractServer,
} from '../../../test/contract-harness.ts';
import { nextEvent, nextEvents } from '../../../test/events.ts';
import { type Client, join, NSP } from './test-helpers.ts';

// The lesson's contract: on Node against the companion app, and in a browser
// page against this lesson's own server.ts (e2e/fidelity.spec.ts).

for (const servers of CONTRACT_SERVERS)
  describe(`sockets-intro ${servers.name}`, () => {
    let server: ContractServer;
    beforeEach(async () => {
      server = await servers.start();
    });
    afterEach(async () => {
      await server.close();
    });

    test('a new client gets the current count and a welcome on connect', async () => {
      // Listen before the handshake completes: the server emits right away.
      const alice: Client = server.open(NSP);
      const [count, welcome] = await Promise.all([
        nextEvent<number>(alice, 'number:change'),
        nextEvent<{ message: string }>(alice, 'welcome'),
      ]);
      assert.equal(count, 0);
      assert.match(welcome.message, /Welcome, Guest 1!/);
    });

    test('an increment from alice is seen by alice and bob', async () => {
      const alice = await join(server, { name: 'Alice' });
      const bob = await join(server, { name: 'Bob' });
      const seenByBob = nextEvent<number>(bob, 'number:change');
      const seenByAlice = nextEvent<number>(alice, 'number:change');
      alice.emit('increment');
      assert.equal(await seenByAlice, 1);
      assert.equal(await seenByBob, 1);
    });

    test('a decrement lowers the count for everyone (the seed registered increment twice)', async () => {
      const alice = await join(server);
      const bob = await join(server); // on the other server, when there are two
      const twoUp = nextEvents<number>(bob, 'number:change', 2);
      alice.emit('increment');
      alice.emit('increment');
      assert.deepEqual(await twoUp, [1, 2]);
      const seenByBob = nextEvent<number>(bob, 'number:change');
      alice.emit('decrement');
      assert.equal(await seenByBob, 1);
    });

    test('a client that connects later gets the count the others made', async () => {
      const alice = await join(server);
      assert.deepEqual(await alice.emitWithAck('increment'), { ok: true });
      assert.deepEqual(await alice.emitWithAck('increment'), { ok: true });
      const carol: Client = server.open(NSP);
      assert.equal(await nextEvent<number>(carol, 'number:change'), 2);
    });

    test('the welcome uses the name from the handshake', async () => {
      const alice: Client = server.open(NSP, { name: '  Alice  ' });
      const welcome = await nextEvent<{ message: string }>(alice, 'welcome');
      assert.match(welcome.message, /^Welcome, Alice!/);
    });
  });
