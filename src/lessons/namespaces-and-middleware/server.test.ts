import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Socket } from 'socket.io-client';
import {
  collect,
  connected,
  type Running,
  SERVERS,
  startApp,
} from '../../../test/harness.ts';
import {
  type ClientToServerEvents,
  type ServerToClientEvents,
  STAFF_TOKEN,
} from './contract.ts';

// The workshop's side of this lesson (payload validation, the connection the server
// sees), on Node only. The lesson's own contract is in contract.test.ts, which runs in
// a browser page too.

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const NSP = '/namespaces-and-middleware';
const STAFF = `${NSP}/staff`;
const raw = (socket: Client) => socket as unknown as Socket;

for (const servers of SERVERS)
  describe(`namespaces-and-middleware ${servers.name}`, () => {
    let server: Running;
    const extra: Client[] = [];
    beforeEach(async () => {
      server = await startApp({}, { servers: servers.count });
    });
    afterEach(async () => {
      for (const socket of extra.splice(0)) socket.disconnect();
      await server.close();
    });

    /** A second namespace on the connection `lobby` already has, as an app would open it. */
    async function alsoOpen(
      lobby: Client,
      namespace: string,
      auth: object,
    ): Promise<Client> {
      const socket = lobby.io.socket(namespace, { auth }) as Client;
      extra.push(socket);
      await connected(socket);
      return socket;
    }

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
