import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Socket } from 'socket.io-client';
import { collect, type Running, SERVERS, startApp } from '../../../test/harness.ts';
import { STAFF_TOKEN } from './contract.ts';
import { type Client, moreNamespaces, NSP, raw, STAFF } from './test-helpers.ts';

// The workshop's side of this lesson (payload validation, the connection the server
// sees), on Node only. The lesson's own contract is in contract.test.ts, which runs in
// a browser page too.

for (const servers of SERVERS)
  describe(`namespaces-and-middleware ${servers.name}`, () => {
    let server: Running;
    const { alsoOpen, closeAll } = moreNamespaces();
    beforeEach(async () => {
      server = await startApp({}, { servers: servers.count });
    });
    afterEach(async () => {
      closeAll();
      await server.close();
    });

    test('the lobby and the staff room of one client share one connection on the server', async () => {
      const ada: Client = await server.client(NSP, { name: 'Ada' });
      await alsoOpen(ada, STAFF, { name: 'Ada', token: STAFF_TOKEN });
      // One engine connection carries both of Ada's namespaces.
      const [onServer] = server.app.namespaces.get(STAFF)!.sockets.values();
      const lobbySide = [...server.app.namespaces.get(NSP)!.sockets.values()].find(
        (s) => s.data.name === 'Ada',
      );
      assert.ok(onServer && onServer.conn === lobbySide?.conn);
    });

    test('a bad note is refused with a sentence in every namespace, and reaches nobody', async () => {
      const lobby: Client = await server.client(NSP, { name: 'Ada' });
      const team: Client = await server.client(`${NSP}/team-red`, { name: 'Ada' });
      const heard = [
        collect(raw(lobby), 'note:new', 250),
        collect(raw(team), 'note:new', 250),
      ];
      const post = (socket: Client, note: unknown) =>
        (socket as unknown as Socket).emitWithAck('note:post', note);
      assert.deepEqual(await post(lobby, { text: '  ' }), {
        ok: false,
        error: 'The text cannot be empty.',
      });
      assert.deepEqual(await post(team, 'hi'), {
        ok: false,
        error: 'Send a note like { text: "..." }.',
      });
      assert.deepEqual((await Promise.all(heard)).flat(), []);
    });
  });
