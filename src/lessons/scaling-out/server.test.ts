import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, Message, ServerToClientEvents } from './contract.ts';
import { collect, nextEvent, settle, startApp, type Running } from '../../../test/harness.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const NSP = '/scaling-out';

describe('scaling-out', () => {
  let server: Running;
  beforeEach(async () => {
    server = await startApp();
  });
  afterEach(async () => {
    await server.close();
  });

  /** A client of one node, once it knows the adapter's state. */
  async function on(node: 1 | 2, name: string, namespace = NSP, auth: object = {}) {
    const socket: Client = server.open(`${namespace}/node-${node}`, { name, ...auth });
    const state = await nextEvent<{ on: boolean }>(socket as unknown as Socket, 'adapter:state');
    return { socket, state };
  }

  test('without the adapter a broadcast reaches its own node only; with it, both nodes', async () => {
    const { socket: ada, state } = await on(1, 'Ada');
    assert.deepEqual(state, { on: false });
    const { socket: cy } = await on(1, 'Cy');
    const { socket: bo } = await on(2, 'Bo');
    let heard = [ada, cy, bo].map((s) => collect<Message>(s as unknown as Socket, 'message:new', 200));
    await ada.emitWithAck('message:send', { text: 'only node 1' });
    assert.deepEqual((await Promise.all(heard)).map((m) => m.length), [1, 1, 0]);

    const told = [ada, bo].map((s) => nextEvent(s as unknown as Socket, 'adapter:state'));
    assert.deepEqual(await bo.emitWithAck('adapter:set', { on: true }), { ok: true });
    assert.deepEqual(await Promise.all(told), [{ on: true }, { on: true }]);
    heard = [ada, cy, bo].map((s) => collect<Message>(s as unknown as Socket, 'message:new', 200));
    await bo.emitWithAck('message:send', { text: 'everyone' });
    const all = await Promise.all(heard);
    assert.deepEqual(all.map((m) => m.length), [1, 1, 1]);
    assert.deepEqual(all[0], [{ from: 'Bo', text: 'everyone', node: 'node 2' }]);

    // A newcomer learns the state; switching off stops the crossing again.
    assert.deepEqual((await on(2, 'Di')).state, { on: true });
    await ada.emitWithAck('adapter:set', { on: false });
    await settle();
    heard = [ada, bo].map((s) => collect<Message>(s as unknown as Socket, 'message:new', 200));
    await ada.emitWithAck('message:send', { text: 'node 1 again' });
    assert.deepEqual((await Promise.all(heard)).map((m) => m.length), [1, 0]);
  });

  test('a node with nobody on it is not made by a broadcast', async () => {
    const { socket: ada } = await on(1, 'Ada');
    await ada.emitWithAck('adapter:set', { on: true });
    await ada.emitWithAck('message:send', { text: 'anyone?' });
    assert.equal(server.app.namespaces.has(`${NSP}/node-2`), false);
  });

  test('a class has its own switch and its own nodes', async () => {
    await server.close();
    server = await startApp({ instructorToken: 'instructor-token' });
    const instructor = await server.client('/instructor', { token: 'instructor-token' });
    const { code } = await instructor.emitWithAck('class:create', {});
    for (const [name, key] of [['Bo', 'bo-student-key-0001'], ['Cy', 'cy-student-key-0001']]) await server.client(`/class/${code}`, { name, key });
    const { socket: ada } = await on(1, 'Ada');
    await ada.emitWithAck('adapter:set', { on: true });
    const { socket: inClass, state } = await on(1, 'Bo', `/class/${code}/scaling-out`, { classKey: 'bo-student-key-0001' });
    assert.deepEqual(state, { on: false });
    const { socket: inClass2 } = await on(2, 'Cy', `/class/${code}/scaling-out`, { classKey: 'cy-student-key-0001' });
    const heard = [ada, inClass2].map((s) => collect<Message>(s as unknown as Socket, 'message:new', 200));
    await inClass.emitWithAck('adapter:set', { on: true });
    await inClass.emitWithAck('message:send', { text: 'class only' });
    assert.deepEqual((await Promise.all(heard)).map((m) => m.map((x) => x.text)), [[], ['class only']]);
  });

  test('a bad switch or message is refused with a sentence and changes nothing', async () => {
    const { socket: ada } = await on(1, 'Ada');
    const emit = (event: string, payload: unknown) => (ada as unknown as Socket).emitWithAck(event, payload);
    assert.deepEqual(await emit('adapter:set', { on: 'yes' }), { ok: false, error: 'Say { on: true } or { on: false }.' });
    assert.deepEqual(await emit('message:send', { text: '' }), { ok: false, error: 'The text cannot be empty.' });
    assert.deepEqual((await on(2, 'Bo')).state, { on: false });
    for (const path of ['/node-3', '/node-1/x', '/node-']) {
      await assert.rejects(server.client(`${NSP}${path}`, { name: 'Eve' }), { message: 'Invalid namespace' }, path);
    }
  });
});
