import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Socket } from 'socket.io-client';
import {
  collect,
  connected,
  nextEvent,
  type Running,
  SERVERS,
  startApp,
} from '../../../test/harness.ts';
import {
  type ClientToServerEvents,
  type ServerToClientEvents,
  TURNED_AWAY,
} from './contract.ts';

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

    test('a new client is welcomed, to itself only, with the id it holds', async () => {
      const ada: Client = server.open(NSP, { name: 'Ada' });
      const welcome = await nextEvent<string>(ada, 'welcome');
      assert.equal(welcome, `Welcome! The server knows you as ${ada.id}.`);
      const bo: Client = server.open(NSP, { name: 'Bo' });
      await nextEvent(bo, 'welcome');
      assert.deepEqual(await collect(ada, 'welcome'), [], 'Bo’s welcome is Bo’s');
    });

    test('Mallory is turned away with the middleware’s sentence, and does not retry', async () => {
      const mallory: Client = server.open(NSP, { name: TURNED_AWAY });
      await assert.rejects(connected(mallory), {
        message: 'Mallory is not welcome here.',
      });
      assert.equal(mallory.active, false);
      // Anyone else gets in, a guest without a name too.
      await connected(server.open(NSP));
    });

    test('"goodbye" makes the server disconnect that client alone, which then waits', async () => {
      const ada: Client = await server.client(NSP, { name: 'Ada' });
      const bo: Client = await server.client(NSP, { name: 'Bo' });
      const reason = nextEvent<string>(ada, 'disconnect');
      ada.emit('goodbye');
      assert.equal(await reason, 'io server disconnect');
      assert.equal(ada.active, false);
      assert.equal(bo.connected, true);
      ada.connect();
      await nextEvent(ada, 'welcome');
    });

    test('a goodbye with something in it is refused with a sentence, and the client stays', async () => {
      const ada: Client = await server.client(NSP, { name: 'Ada' });
      const raw = ada as unknown as Socket;
      const answer = await raw.emitWithAck('goodbye', 'now');
      assert.equal(answer.ok, false);
      assert.match(String(answer.error), /wrong number of arguments/);
      assert.equal(ada.connected, true);
    });
  });
}
