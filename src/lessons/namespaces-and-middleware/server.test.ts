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
  NO_TOKEN,
  type ServerToClientEvents,
  STAFF_TOKEN,
  VISITOR_TOKEN,
  VISITORS_READ_ONLY,
  WRONG_TOKEN,
} from './contract.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const NSP = '/namespaces-and-middleware';
const STAFF = `${NSP}/staff`;
const raw = (socket: Client) => socket as unknown as Socket;
type Note = { from: string; text: string };

/** Resolves once `holds()` is true (checked every few ms), or fails after two seconds. */
async function until(holds: () => boolean, what: string) {
  for (
    const started = Date.now();
    !holds();
    await new Promise((resolve) => setTimeout(resolve, 5))
  ) {
    if (Date.now() - started > 2000) throw new Error(`still not so after 2 s: ${what}`);
  }
}

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

    test('the lobby and the staff room share one connection, and a note stays in its namespace', async () => {
      const ada: Client = await server.client(NSP, { name: 'Ada' });
      const adaStaff = await alsoOpen(ada, STAFF, { name: 'Ada', token: STAFF_TOKEN });
      const bo: Client = await server.client(NSP, { name: 'Bo' });
      // One engine connection carries both of Ada's namespaces.
      const [onServer] = server.app.namespaces.get(STAFF)!.sockets.values();
      const lobbySide = [...server.app.namespaces.get(NSP)!.sockets.values()].find(
        (s) => s.data.name === 'Ada',
      );
      assert.ok(onServer && onServer.conn === lobbySide?.conn);

      const [lobbyHeard, boHeard] = [
        collect(raw(ada), 'note:new', 250),
        collect(raw(bo), 'note:new', 250),
      ];
      const staffHeard = nextEvent(raw(adaStaff), 'note:new');
      assert.deepEqual(
        await adaStaff.emitWithAck('note:post', { text: 'staff only' }),
        { ok: true },
      );
      assert.deepEqual(await staffHeard, { from: 'Ada', text: 'staff only' });
      assert.deepEqual(await lobbyHeard, []);
      assert.deepEqual(await boHeard, []);

      const inLobby = [
        nextEvent<Note>(raw(ada), 'note:new'),
        nextEvent<Note>(raw(bo), 'note:new'),
      ];
      const inStaff = collect(raw(adaStaff), 'note:new', 250);
      await bo.emitWithAck('note:post', { text: 'hello lobby' });
      assert.deepEqual(
        (await Promise.all(inLobby)).map((note) => note.text),
        ['hello lobby', 'hello lobby'],
      );
      assert.deepEqual(await inStaff, []);
    });

    test('the staff room refuses a connection without a token, or with a wrong one, with a sentence', async () => {
      await assert.rejects(server.client(STAFF, { name: 'Eve' }), {
        message: NO_TOKEN,
      });
      await assert.rejects(
        server.client(STAFF, { name: 'Eve', token: 'open-sesame' }),
        { message: WRONG_TOKEN },
      );
      await assert.rejects(server.client(STAFF, { name: 'Eve', token: 42 }), {
        message: WRONG_TOKEN,
      });
      await assert.rejects(
        server.client(STAFF, { name: 'Eve', token: 'constructor' }),
        { message: WRONG_TOKEN },
      );
      // Each refused first socket took the namespace it made with it.
      assert.ok(server.apps.every((app) => !app.namespaces.has(STAFF)));
    });

    test('a visitor reads the staff room but cannot post in it; staff can', async () => {
      const staff: Client = await server.client(STAFF, {
        name: 'Ada',
        token: STAFF_TOKEN,
      });
      const visitor: Client = await server.client(STAFF, {
        name: 'Bo',
        token: VISITOR_TOKEN,
      });
      // The first note each one hears is the staff's: the visitor's never went out.
      const heard = [
        nextEvent(raw(staff), 'note:new'),
        nextEvent(raw(visitor), 'note:new'),
      ];
      assert.deepEqual(
        await visitor.emitWithAck('note:post', { text: 'let me speak' }),
        { ok: false, error: VISITORS_READ_ONLY },
      );
      assert.deepEqual(await staff.emitWithAck('note:post', { text: 'meeting at 3' }), {
        ok: true,
      });
      assert.deepEqual(await Promise.all(heard), [
        { from: 'Ada', text: 'meeting at 3' },
        { from: 'Ada', text: 'meeting at 3' },
      ]);
    });

    test('each team is a namespace of its own, made on the first connection and gone with the last', async () => {
      const red: Client = await server.client(`${NSP}/team-red`, { name: 'Ada' });
      const red2: Client = await server.client(`${NSP}/team-red`, { name: 'Bo' });
      const blue: Client = await server.client(`${NSP}/team-blue`, { name: 'Cy' });
      const [redHeard, blueHeard] = [
        nextEvent<Note>(raw(red2), 'note:new'),
        collect(raw(blue), 'note:new', 250),
      ];
      await red.emitWithAck('note:post', { text: 'go red' });
      assert.equal((await redHeard).text, 'go red');
      assert.deepEqual(await blueHeard, []);

      blue.disconnect();
      await until(
        () => server.apps.every((app) => !app.namespaces.has(`${NSP}/team-blue`)),
        'team-blue dropped',
      );
      assert.ok(server.apps.some((app) => app.namespaces.has(`${NSP}/team-red`)));
    });

    test('a name that no namespace serves is refused', async () => {
      for (const path of [
        '/team-Red',
        '/team-',
        '/team-abcdefghijklm',
        '/team-red/x',
        '/kitchen',
        '/staff/x',
      ]) {
        await assert.rejects(
          server.client(`${NSP}${path}`, { name: 'Eve' }),
          { message: 'Invalid namespace' },
          path,
        );
      }
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
