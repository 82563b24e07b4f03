import assert from 'node:assert/strict';
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { io as connect, type Socket } from 'socket.io-client';
import { startRedis } from '../../../scripts/redis-server.ts';
import {
  collect,
  connected,
  nextEvent,
  type Running,
  SERVERS,
  startApp,
} from '../../../test/harness.ts';
import type {
  ClientToServerEvents,
  Message,
  ServerToClientEvents,
} from './contract.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const NSP = '/scaling-out';
const TOKEN = 'instructor-token';
const raw = (socket: Client) => socket as unknown as Socket;

for (const servers of SERVERS) {
  describe(`scaling-out ${servers.name}`, () => {
    let server: Running;
    beforeEach(async () => {
      server = await startApp({ instructorToken: TOKEN }, { servers: servers.count });
    });
    afterEach(async () => {
      await server.close();
    });

    /** A client of one node, once it knows the adapter's state; `at` picks its server. */
    async function on(
      node: 1 | 2,
      name: string,
      namespace = NSP,
      auth: object = {},
      at?: number,
    ) {
      const socket: Client = server.open(
        `${namespace}/node-${node}`,
        { name, ...auth },
        undefined,
        at,
      );
      const state = await nextEvent<{ on: boolean }>(raw(socket), 'adapter:state');
      return { socket, state };
    }

    test('without the adapter a broadcast reaches its own node only; with it, both nodes', async () => {
      const { socket: ada, state } = await on(1, 'Ada');
      assert.deepEqual(state, { on: false });
      const { socket: cy } = await on(1, 'Cy');
      const { socket: bo } = await on(2, 'Bo');
      const onNode1 = [ada, cy].map((s) => nextEvent<Message>(raw(s), 'message:new'));
      const onNode2 = collect<Message>(raw(bo), 'message:new', 250);
      await ada.emitWithAck('message:send', { text: 'only node 1' });
      assert.equal((await Promise.all(onNode1)).length, 2);
      assert.deepEqual(await onNode2, []);

      const told = [ada, bo].map((s) => nextEvent(raw(s), 'adapter:state'));
      assert.deepEqual(await bo.emitWithAck('adapter:set', { on: true }), { ok: true });
      assert.deepEqual(await Promise.all(told), [{ on: true }, { on: true }]);
      const all = await Promise.all(
        [ada, cy, bo].map((s) => {
          const heard = nextEvent<Message>(raw(s), 'message:new');
          return s === bo
            ? bo.emitWithAck('message:send', { text: 'everyone' }).then(() => heard)
            : heard;
        }),
      );
      assert.deepEqual(all[0], { from: 'Bo', text: 'everyone', node: 'node 2' });
      assert.deepEqual(
        all.map((m) => m.text),
        ['everyone', 'everyone', 'everyone'],
      );

      // A newcomer learns the state; switching off stops the crossing again.
      assert.deepEqual((await on(2, 'Di')).state, { on: true });
      const off = [ada, bo].map((s) => nextEvent(raw(s), 'adapter:state'));
      await ada.emitWithAck('adapter:set', { on: false });
      assert.deepEqual(await Promise.all(off), [{ on: false }, { on: false }]);
      const own = nextEvent<Message>(raw(ada), 'message:new');
      const across = collect<Message>(raw(bo), 'message:new', 250);
      await ada.emitWithAck('message:send', { text: 'node 1 again' });
      assert.equal((await own).text, 'node 1 again');
      assert.deepEqual(await across, []);
    });

    test('a node with nobody on it is not made by a broadcast', async () => {
      const { socket: ada } = await on(1, 'Ada');
      await ada.emitWithAck('adapter:set', { on: true });
      await ada.emitWithAck('message:send', { text: 'anyone?' });
      assert.ok(server.apps.every((app) => !app.namespaces.has(`${NSP}/node-2`)));
    });

    test('a class has its own switch and its own nodes', async () => {
      const instructor = await server.client('/instructor', { token: TOKEN });
      const { code } = await instructor.emitWithAck('class:create', {});
      for (const [name, key] of [
        ['Bo', 'bo-student-key-0001'],
        ['Cy', 'cy-student-key-0001'],
      ])
        await server.client(`/class/${code}`, { name, key });
      const { socket: ada } = await on(1, 'Ada');
      await ada.emitWithAck('adapter:set', { on: true });
      // Both class nodes on one server: the demo's hand-over between its nodes is a call in one process.
      const { socket: inClass, state } = await on(
        1,
        'Bo',
        `/class/${code}/scaling-out`,
        { classKey: 'bo-student-key-0001' },
        0,
      );
      assert.deepEqual(state, { on: false });
      const { socket: inClass2 } = await on(
        2,
        'Cy',
        `/class/${code}/scaling-out`,
        { classKey: 'cy-student-key-0001' },
        0,
      );
      const publicHeard = collect<Message>(raw(ada), 'message:new', 250);
      const classHeard = nextEvent<Message>(raw(inClass2), 'message:new');
      await inClass.emitWithAck('adapter:set', { on: true });
      await inClass.emitWithAck('message:send', { text: 'class only' });
      assert.equal((await classHeard).text, 'class only');
      assert.deepEqual(await publicHeard, []);
    });

    test('a bad switch or message is refused with a sentence and changes nothing', async () => {
      const { socket: ada } = await on(1, 'Ada');
      const emit = (event: string, payload: unknown) =>
        raw(ada).emitWithAck(event, payload);
      assert.deepEqual(await emit('adapter:set', { on: 'yes' }), {
        ok: false,
        error: 'Say { on: true } or { on: false }.',
      });
      assert.deepEqual(await emit('message:send', { text: '' }), {
        ok: false,
        error: 'The text cannot be empty.',
      });
      assert.deepEqual((await on(2, 'Bo')).state, { on: false });
      for (const path of ['/node-3', '/node-1/x', '/node-']) {
        await assert.rejects(
          server.client(`${NSP}${path}`, { name: 'Eve' }),
          { message: 'Invalid namespace' },
          path,
        );
      }
    });
  });
}

/** The page's plain server (`plain-server.ts`), twice, on one Redis: two processes, as in production. */
describe('the plain Redis server the page shows, run as two processes', () => {
  const file = fileURLToPath(new URL('./plain-server.ts', import.meta.url));
  let redis: Awaited<ReturnType<typeof startRedis>>;
  const children: ChildProcess[] = [];
  const urls: string[] = [];
  const clients: Socket[] = [];
  before(async () => {
    redis = await startRedis();
    for (let i = 0; i < 2; i++) {
      const child = fork(file, {
        env: { ...process.env, REDIS_URL: redis.url, PORT: '0' },
        stdio: 'inherit',
      });
      children.push(child);
      const [port] = (await once(child, 'message')) as [number];
      urls.push(`http://127.0.0.1:${port}`);
    }
  });
  after(async () => {
    for (const client of clients) client.disconnect();
    await Promise.all(
      children.map((child) => {
        child.kill();
        return once(child, 'exit');
      }),
    );
    await redis.stop();
  });
  const clientOf = async (server: number) => {
    const socket = connect(urls[server]!, {
      forceNew: true,
      transports: ['websocket'],
    });
    clients.push(socket);
    await connected(socket);
    return socket;
  };

  test('io.to(room).emit on one server reaches the clients in that room on the other', async () => {
    const [a, b] = [await clientOf(0), await clientOf(1)];
    // Each server's join is in: each has answered a question of its own client.
    await Promise.all([a.emitWithAck('count'), b.emitWithAck('count')]);
    const heard = [nextEvent(a, 'shout'), nextEvent(b, 'shout')];
    a.emit('shout', 'hello, both servers');
    assert.deepEqual(await Promise.all(heard), [
      'hello, both servers',
      'hello, both servers',
    ]);
  });

  test("a server's sockets and rooms are its own; fetchSockets asks every server", async () => {
    const b = await clientOf(1);
    await clientOf(0);
    const answer = await b.emitWithAck('count');
    const expected = clients.filter((c) => c.connected).length;
    const onB = clients.filter((c, i) => c.connected && i % 2 === 1).length;
    assert.deepEqual(answer, { here: onB, newsHere: onB, everywhere: expected });
    assert.ok(answer.here < answer.everywhere);
  });
});
