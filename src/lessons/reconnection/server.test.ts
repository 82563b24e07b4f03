import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Socket } from 'socket.io-client';
import {
  RESTARTED_RECENTLY,
  type ClientToServerEvents,
  type Message,
  type ServerToClientEvents,
} from './contract.ts';
import { collect, nextEvent, settle, startApp, type Running } from '../../../test/harness.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const NSP = '/reconnection';

describe('reconnection', () => {
  let server: Running;
  beforeEach(async () => {
    server = await startApp();
  });
  afterEach(async () => {
    await server.close();
  });

  /** A client that says on connect whether it is a new session, with the state it gets then. */
  async function join(name: string) {
    const socket: Client = server.open(NSP, { name });
    const start = await nextEvent<{ lastMessage: number }>(socket as unknown as Socket, 'session:start');
    return { socket, start };
  }

  test('messages are numbered for everyone; a new session is told the latest number', async () => {
    const { socket: ada, start } = await join('Ada');
    assert.deepEqual(start, { lastMessage: 0 });
    const heard = collect<Message>(ada as unknown as Socket, 'message:new', 200);
    await ada.emitWithAck('message:send', { text: 'one' });
    await ada.emitWithAck('message:send', { text: 'two' });
    assert.deepEqual(await heard, [
      { n: 1, from: 'Ada', text: 'one' },
      { n: 2, from: 'Ada', text: 'two' },
    ]);
    assert.deepEqual((await join('Bo')).start, { lastMessage: 2 });
  });

  test('a client whose connection drops comes back recovered, with its id and the messages it missed', async () => {
    const { socket: ada } = await join('Ada');
    const { socket: bo } = await join('Bo');
    const id = ada.id;
    const dropped = nextEvent(ada as unknown as Socket, 'disconnect');
    ada.io.engine.transport.close(); // the network went away
    assert.equal(await dropped, 'transport close');
    await bo.emitWithAck('message:send', { text: 'while you were away' });

    const missed = collect<Message>(ada as unknown as Socket, 'message:new', 2500);
    const starts = collect(ada as unknown as Socket, 'session:start', 2500);
    await nextEvent(ada as unknown as Socket, 'connect', 3000); // the Manager's first attempt, after about a second
    assert.equal(ada.recovered, true);
    assert.equal(ada.id, id);
    assert.deepEqual(await missed, [{ n: 1, from: 'Bo', text: 'while you were away' }]);
    assert.deepEqual(await starts, [], 'a recovered session is not started again');
  });

  test('what a client emits while disconnected is buffered and sent when it is back', async () => {
    const { socket: ada } = await join('Ada');
    const { socket: bo } = await join('Bo');
    ada.io.engine.transport.close();
    await settle(50);
    assert.equal(ada.connected, false);
    ada.emit('message:send', { text: 'written offline' });
    assert.equal(ada.sendBuffer.length, 1);
    const message = await nextEvent<Message>(bo as unknown as Socket, 'message:new', 3000);
    assert.deepEqual(message, { n: 1, from: 'Ada', text: 'written offline' });
    assert.equal(ada.sendBuffer.length, 0);
  });

  test('"restart" closes every connection of the namespace; everyone comes back recovered; another restart must wait', async () => {
    const { socket: ada } = await join('Ada');
    const { socket: bo } = await join('Bo');
    const elsewhere = await server.client('/sockets-intro');
    const dropped = [ada, bo].map((s) => nextEvent(s as unknown as Socket, 'disconnect'));
    assert.deepEqual(await bo.emitWithAck('server:restart'), { ok: true });
    assert.deepEqual(await Promise.all(dropped), ['transport close', 'transport close']);
    await Promise.all([ada, bo].map((s) => nextEvent(s as unknown as Socket, 'connect', 3000)));
    assert.deepEqual([ada.recovered, bo.recovered], [true, true]);
    assert.equal(elsewhere.connected, true, 'another lesson is not restarted');
    assert.deepEqual(await ada.emitWithAck('server:restart'), { ok: false, error: RESTARTED_RECENTLY });
    assert.equal(bo.connected, true);
  });

  test('a bad message is refused with a sentence and reaches nobody', async () => {
    const { socket: ada } = await join('Ada');
    const heard = collect(ada as unknown as Socket, 'message:new', 200);
    const send = (payload: unknown) => (ada as unknown as Socket).emitWithAck('message:send', payload);
    assert.deepEqual(await send({ text: '' }), { ok: false, error: 'The text cannot be empty.' });
    assert.deepEqual(await send(7), { ok: false, error: 'Send a message like { text: "..." }.' });
    assert.deepEqual(await heard, []);
  });
});
