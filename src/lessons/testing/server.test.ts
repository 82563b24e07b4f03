import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Socket } from 'socket.io-client';
import { nextEvent, type Running, SERVERS, startApp } from '../../../test/harness.ts';
import type { ClientToServerEvents, ServerToClientEvents, Shout } from './contract.ts';

// The lesson's server as the workshop serves it: its namespace, the input
// boundary, and two servers on one Redis. (`example.test.ts` is the file the
// lesson shows: the same code on a plain Server, one process.)

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const NSP = '/testing';

for (const servers of SERVERS) {
  describe(`testing ${servers.name}`, () => {
    let server: Running;
    beforeEach(async () => {
      server = await startApp({}, { servers: servers.count });
    });
    afterEach(async () => {
      await server.close();
    });

    test("alice's shout reaches bob loud, and alice has the loud text in her answer", async () => {
      const alice: Client = await server.client(NSP, { name: 'Alice' });
      const bob: Client = await server.client(NSP, { name: 'Bob' });
      const heard = nextEvent<Shout>(bob, 'shouted', 3000);
      assert.deepEqual(await alice.timeout(3000).emitWithAck('shout', 'hello'), {
        ok: true,
        text: 'HELLO!',
      });
      assert.deepEqual(await heard, { from: 'Alice', text: 'HELLO!' });
    });

    test('alice does not hear her own shout, though bob does', async () => {
      const alice: Client = await server.client(NSP, { name: 'Alice' });
      const bob: Client = await server.client(NSP, { name: 'Bob' });
      const own: Shout[] = [];
      alice.on('shouted', (shout) => own.push(shout));
      const heard = nextEvent<Shout>(bob, 'shouted', 3000);
      await alice.timeout(3000).emitWithAck('shout', 'hi');
      await heard;
      // Alice's answer followed the broadcast on her own server's connection: nothing more can come.
      assert.deepEqual(own, []);
    });

    test('a shout that is empty, too long or not text is refused with a sentence, and reaches nobody', async () => {
      const alice: Client = await server.client(NSP, { name: 'Alice' });
      const bob: Client = await server.client(NSP, { name: 'Bob' });
      const others: Shout[] = [];
      bob.on('shouted', (shout) => others.push(shout));
      const send = (text: unknown) =>
        (alice as unknown as Socket).timeout(3000).emitWithAck('shout', text);
      assert.deepEqual(await send('   '), {
        ok: false,
        error: 'The text cannot be empty.',
      });
      assert.deepEqual(await send(42), {
        ok: false,
        error: 'The text must be a string.',
      });
      const long = await send('x'.repeat(501));
      assert.equal(long.ok, false);
      assert.match(long.error, /at most 500 characters/);
      // Bob's own refused shout comes back after anything alice's could have sent him.
      await (bob as unknown as Socket).timeout(3000).emitWithAck('shout', '');
      assert.deepEqual(others, []);
    });
  });
}
