import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Socket } from 'socket.io-client';
import {
  NO_TOKEN,
  STAFF_TOKEN,
  VISITOR_TOKEN,
  VISITORS_READ_ONLY,
  WRONG_TOKEN,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from './contract.ts';
import { collect, connected, settle, startApp, type Running } from '../../../test/harness.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const NSP = '/namespaces-and-middleware';
const STAFF = `${NSP}/staff`;

describe('namespaces-and-middleware', () => {
  let server: Running;
  const extra: Client[] = [];
  beforeEach(async () => {
    server = await startApp();
  });
  afterEach(async () => {
    for (const socket of extra.splice(0)) socket.disconnect();
    await server.close();
  });

  /** A second namespace on the connection `lobby` already has, as an app would open it. */
  async function alsoOpen(lobby: Client, namespace: string, auth: object): Promise<Client> {
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
    const [onServer] = server.app.io.of(STAFF).sockets.values();
    const lobbySide = [...server.app.io.of(NSP).sockets.values()].find((s) => s.data.name === 'Ada');
    assert.ok(onServer && onServer.conn === lobbySide?.conn);

    const [lobbyHeard, staffHeard, boHeard] = [collect(ada, 'note:new', 200), collect(adaStaff, 'note:new', 200), collect(bo, 'note:new', 200)];
    assert.deepEqual(await adaStaff.emitWithAck('note:post', { text: 'staff only' }), { ok: true });
    assert.deepEqual(await lobbyHeard, []);
    assert.deepEqual(await staffHeard, [{ from: 'Ada', text: 'staff only' }]);
    assert.deepEqual(await boHeard, []);

    const again = [collect(ada, 'note:new', 200), collect(adaStaff, 'note:new', 200), collect(bo, 'note:new', 200)];
    await bo.emitWithAck('note:post', { text: 'hello lobby' });
    assert.deepEqual((await Promise.all(again)).map((notes) => notes.length), [1, 0, 1]);
  });

  test('the staff room refuses a connection without a token, or with a wrong one, with a sentence', async () => {
    await assert.rejects(server.client(STAFF, { name: 'Eve' }), { message: NO_TOKEN });
    await assert.rejects(server.client(STAFF, { name: 'Eve', token: 'open-sesame' }), { message: WRONG_TOKEN });
    await assert.rejects(server.client(STAFF, { name: 'Eve', token: 42 }), { message: WRONG_TOKEN });
    await assert.rejects(server.client(STAFF, { name: 'Eve', token: 'constructor' }), { message: WRONG_TOKEN });
    await settle();
    assert.equal(server.app.namespaces.has(STAFF), false);
  });

  test('a visitor reads the staff room but cannot post in it; staff can', async () => {
    const staff: Client = await server.client(STAFF, { name: 'Ada', token: STAFF_TOKEN });
    const visitor: Client = await server.client(STAFF, { name: 'Bo', token: VISITOR_TOKEN });
    await settle();
    const heard = [collect(staff, 'note:new', 200), collect(visitor, 'note:new', 200)];
    assert.deepEqual(await visitor.emitWithAck('note:post', { text: 'let me speak' }), { ok: false, error: VISITORS_READ_ONLY });
    assert.deepEqual(await staff.emitWithAck('note:post', { text: 'meeting at 3' }), { ok: true });
    assert.deepEqual(await Promise.all(heard), [[{ from: 'Ada', text: 'meeting at 3' }], [{ from: 'Ada', text: 'meeting at 3' }]]);
  });

  test('each team is a namespace of its own, made on the first connection and gone with the last', async () => {
    const red: Client = await server.client(`${NSP}/team-red`, { name: 'Ada' });
    const red2: Client = await server.client(`${NSP}/team-red`, { name: 'Bo' });
    const blue: Client = await server.client(`${NSP}/team-blue`, { name: 'Cy' });
    const heard = [collect(red2, 'note:new', 200), collect(blue, 'note:new', 200)];
    await red.emitWithAck('note:post', { text: 'go red' });
    assert.deepEqual((await Promise.all(heard)).map((notes) => notes.length), [1, 0]);

    blue.disconnect();
    await settle();
    assert.equal(server.app.namespaces.has(`${NSP}/team-blue`), false);
    assert.equal(server.app.namespaces.has(`${NSP}/team-red`), true);
  });

  test('a name that no namespace serves is refused', async () => {
    for (const path of ['/team-Red', '/team-', '/team-abcdefghijklm', '/team-red/x', '/kitchen', '/staff/x']) {
      await assert.rejects(server.client(`${NSP}${path}`, { name: 'Eve' }), { message: 'Invalid namespace' }, path);
    }
  });

  test('a bad note is refused with a sentence in every namespace, and reaches nobody', async () => {
    const lobby: Client = await server.client(NSP, { name: 'Ada' });
    const team: Client = await server.client(`${NSP}/team-red`, { name: 'Ada' });
    const heard = [collect(lobby, 'note:new', 200), collect(team, 'note:new', 200)];
    const post = (socket: Client, note: unknown) => (socket as unknown as Socket).emitWithAck('note:post', note);
    assert.deepEqual(await post(lobby, { text: '  ' }), { ok: false, error: 'The text cannot be empty.' });
    assert.deepEqual(await post(team, 'hi'), { ok: false, error: 'Send a note like { text: "..." }.' });
    assert.deepEqual((await Promise.all(heard)).flat(), []);
  });
});
