import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Socket } from 'socket.io-client';
import {
  collect,
  nextEvent,
  nextEvents,
  type Running,
  SERVERS,
  startApp,
} from '../../../test/harness.ts';
import {
  type ClientToServerEvents,
  type Message,
  RESTARTED_RECENTLY,
  type ServerToClientEvents,
} from './contract.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const NSP = '/reconnection';

for (const servers of SERVERS) {
  describe(`reconnection ${servers.name}`, () => {
    let server: Running;
    beforeEach(async () => {
      server = await startApp({}, { servers: servers.count });
    });
    afterEach(async () => {
      await server.close();
    });

    /** A client (on server `on`, else the next in turn) that says on connect whether it is a new session. */
    async function join(name: string, on?: number) {
      const socket: Client = server.open(NSP, { name }, undefined, on);
      const start = await nextEvent<{ lastMessage: number }>(
        socket as unknown as Socket,
        'session:start',
      );
      return { socket, start };
    }

    test('messages are numbered for everyone; a new session is told the latest number', async () => {
      const { socket: ada, start } = await join('Ada');
      assert.deepEqual(start, { lastMessage: 0 });
      const heard = nextEvents<Message>(ada, 'message:new', 2);
      await ada.emitWithAck('message:send', { text: 'one' });
      await ada.emitWithAck('message:send', { text: 'two' });
      assert.deepEqual(await heard, [
        { n: 1, from: 'Ada', text: 'one' },
        { n: 2, from: 'Ada', text: 'two' },
      ]);
      assert.deepEqual((await join('Bo')).start, { lastMessage: 2 });
    });

    test('messages are numbered in one sequence, whichever server their sender is connected to', async () => {
      const { socket: ada } = await join('Ada');
      const { socket: bo } = await join('Bo'); // on the other server, when there are two
      const heard = nextEvents<Message>(ada, 'message:new', 3);
      await ada.emitWithAck('message:send', { text: 'one' });
      await bo.emitWithAck('message:send', { text: 'two' });
      await ada.emitWithAck('message:send', { text: 'three' });
      assert.deepEqual(
        (await heard).map((m) => `${m.n} ${m.text}`),
        ['1 one', '2 two', '3 three'],
      );
      assert.deepEqual((await join('Cy')).start, { lastMessage: 3 });
    });

    test('a client whose connection drops comes back recovered, with its id and the messages it missed', async () => {
      const { socket: ada } = await join('Ada');
      const { socket: bo } = await join('Bo');
      const id = ada.id;
      const dropped = nextEvent(ada as unknown as Socket, 'disconnect');
      ada.io.engine.transport.close(); // the network went away
      assert.equal(await dropped, 'transport close');
      await bo.emitWithAck('message:send', { text: 'while you were away' });

      const missed = nextEvents<Message>(ada, 'message:new', 1);
      const starts: unknown[] = [];
      ada.on('session:start', (state) => starts.push(state));
      await nextEvent(ada as unknown as Socket, 'connect', 3000); // the Manager's first attempt, after about a second
      assert.equal(ada.recovered, true);
      assert.equal(ada.id, id);
      assert.deepEqual(await missed, [
        { n: 1, from: 'Bo', text: 'while you were away' },
      ]);
      // Answered after anything the server said on connect: a session:start would be here by now.
      await ada.emitWithAck('message:send', { text: 'back' });
      assert.deepEqual(starts, [], 'a recovered session is not started again');
    });

    test('what a client emits while disconnected is buffered and sent when it is back', async () => {
      const { socket: ada } = await join('Ada');
      const { socket: bo } = await join('Bo');
      const dropped = nextEvent(ada as unknown as Socket, 'disconnect');
      ada.io.engine.transport.close();
      await dropped;
      assert.equal(ada.connected, false);
      ada.emit('message:send', { text: 'written offline' });
      assert.equal(ada.sendBuffer.length, 1);
      const message = await nextEvent<Message>(
        bo as unknown as Socket,
        'message:new',
        3000,
      );
      assert.deepEqual(message, { n: 1, from: 'Ada', text: 'written offline' });
      assert.equal(ada.sendBuffer.length, 0);
    });

    test('"restart" closes every connection of the namespace on that server; they come back recovered; another restart must wait', async () => {
      const { socket: ada } = await join('Ada', 0);
      const { socket: bo } = await join('Bo', 0);
      const elsewhere = await server.client('/sockets-intro', undefined, undefined, 0);
      const dropped = [ada, bo].map((s) =>
        nextEvent(s as unknown as Socket, 'disconnect'),
      );
      assert.deepEqual(await bo.emitWithAck('server:restart'), { ok: true });
      assert.deepEqual(await Promise.all(dropped), [
        'transport close',
        'transport close',
      ]);
      await Promise.all(
        [ada, bo].map((s) => nextEvent(s as unknown as Socket, 'connect', 3000)),
      );
      assert.deepEqual([ada.recovered, bo.recovered], [true, true]);
      assert.equal(elsewhere.connected, true, 'another lesson is not restarted');
      assert.deepEqual(await ada.emitWithAck('server:restart'), {
        ok: false,
        error: RESTARTED_RECENTLY,
      });
      assert.equal(bo.connected, true);
    });

    if (servers.count > 1) {
      test('a restart is one process restarting: the clients of another server stay connected', async () => {
        const { socket: ada } = await join('Ada', 0);
        const { socket: bo } = await join('Bo', 1);
        const drops = collect(bo as unknown as Socket, 'disconnect', 300);
        const dropped = nextEvent(ada as unknown as Socket, 'disconnect');
        assert.deepEqual(await ada.emitWithAck('server:restart'), { ok: true });
        assert.equal(await dropped, 'transport close');
        assert.deepEqual(await drops, []);
        assert.equal(bo.connected, true);
      });
    }

    test('a bad message is refused with a sentence and reaches nobody', async () => {
      const { socket: ada } = await join('Ada');
      const heard = collect(ada as unknown as Socket, 'message:new', 200);
      const send = (payload: unknown) =>
        (ada as unknown as Socket).emitWithAck('message:send', payload);
      assert.deepEqual(await send({ text: '' }), {
        ok: false,
        error: 'The text cannot be empty.',
      });
      assert.deepEqual(await send(7), {
        ok: false,
        error: 'Send a message like { text: "..." }.',
      });
      assert.deepEqual(await heard, []);
    });
  });
}
