import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Socket } from 'socket.io-client';
import { nextEvent, type Running, SERVERS, startApp } from '../../../test/harness.ts';
import type { ClientToServerEvents, Note, ServerToClientEvents } from './contract.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const NSP = '/first-app';

for (const servers of SERVERS) {
  describe(`first-app ${servers.name}`, () => {
    let server: Running;
    beforeEach(async () => {
      server = await startApp({}, { servers: servers.count });
    });
    afterEach(async () => {
      await server.close();
    });

    test('a note from alice reaches alice and bob', async () => {
      const alice: Client = await server.client(NSP, { name: 'Alice' });
      const bob: Client = await server.client(NSP, { name: 'Bob' });
      const heard = [alice, bob].map((s) => nextEvent<Note>(s, 'note:new', 3000));
      assert.deepEqual(await alice.emitWithAck('note:send', { text: 'hello' }), {
        ok: true,
      });
      assert.deepEqual(await Promise.all(heard), [
        { from: 'Alice', text: 'hello' },
        { from: 'Alice', text: 'hello' },
      ]);
    });

    test('an empty note is refused with a sentence, and reaches nobody', async () => {
      const alice: Client = await server.client(NSP, { name: 'Alice' });
      const answer = await alice.emitWithAck('note:send', { text: '' });
      assert.equal(answer.ok, false);
      assert.match(String(answer.error), /\w+ \w+/);
    });
  });
}
