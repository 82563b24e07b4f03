import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import { io, type Socket } from 'socket.io-client';
import { nextEvent, settle } from '../harness.ts';
import { startServer } from '../processes.ts';
import { startRedis } from '../redis.ts';

type Server = Awaited<ReturnType<typeof startServer>>;

/** A real client of one server process, over WebSocket, connected. */
async function student(server: Server, namespace: string, name: string): Promise<Socket> {
  const socket = io(`${server.url}${namespace}`, { transports: ['websocket'], auth: { name }, forceNew: true });
  await nextEvent(socket, 'connect', 5000);
  return socket;
}

describe('two server processes sharing one Redis', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let a: Server, b: Server;
  const sockets: Socket[] = [];

  before(async () => {
    redis = await startRedis();
    [a, b] = await Promise.all([startServer({ PORT: '0', REDIS_URL: redis.url }), startServer({ PORT: '0', REDIS_URL: redis.url })]);
  });
  after(async () => {
    for (const socket of sockets) socket.disconnect();
    for (const server of [a, b]) {
      server.child.kill('SIGTERM');
      await once(server.child, 'exit');
    }
    await redis.stop();
  });

  test('a student on A and a student on B share one counter', async () => {
    const ada = await student(a, '/sockets-intro', 'Ada');
    const bo = await student(b, '/sockets-intro', 'Bo');
    sockets.push(ada, bo);
    await settle(200);
    // Everyone gets each new count, the clicker too: wait for both before the next click.
    const first = [bo, ada].map((s) => nextEvent<number>(s, 'number:change', 3000));
    ada.emit('increment');
    assert.deepEqual(await Promise.all(first), [1, 1]);
    const second = [ada, bo].map((s) => nextEvent<number>(s, 'number:change', 3000));
    bo.emit('increment');
    assert.deepEqual(await Promise.all(second), [2, 2]);
    // A newcomer on either process starts from the shared count.
    const cy = io(`${a.url}/sockets-intro`, { transports: ['websocket'], forceNew: true });
    sockets.push(cy);
    assert.equal(await nextEvent<number>(cy, 'number:change', 3000), 2);
  });

  test('a hello in a room on A reaches the room on B', async () => {
    const ada = await student(a, '/rooms', 'Ada');
    const bo = await student(b, '/rooms', 'Bo');
    sockets.push(ada, bo);
    assert.equal((await ada.emitWithAck('IO_CLIENT_JOIN_ROOM', 'red')).ok, true);
    assert.equal((await bo.emitWithAck('IO_CLIENT_JOIN_ROOM', 'red')).ok, true);
    await settle(200);
    const heard = nextEvent<string>(bo, 'IO_SERVER_HELLO', 3000);
    assert.equal((await ada.emitWithAck('IO_CLIENT_HELLO', 'from A')).ok, true);
    assert.equal(await heard, 'Ada says: from A');
  });

  test('a chat on A and B is one chat: messages, the Online list, the history and one id sequence', async () => {
    const ada = await student(a, '/chat', 'Ada');
    const bo = await student(b, '/chat', 'Bo');
    sockets.push(ada, bo);
    assert.equal((await ada.emitWithAck('join', { name: 'Ada', room: 'hall' })).ok, true);
    const online = nextEvent<{ users: { name: string }[] }>(ada, 'roomData', 3000);
    assert.equal((await bo.emitWithAck('join', { name: 'Bo', room: 'hall' })).ok, true);
    assert.deepEqual((await online).users.map((u) => u.name).sort(), ['Ada', 'Bo']);
    // A name taken on A is taken on B.
    const again = await student(b, '/chat', 'Ada2');
    sockets.push(again);
    const taken = await again.emitWithAck('join', { name: 'ada', room: 'hall' });
    assert.equal(taken.ok, false);

    const heard = nextEvent<{ text: string; id: number }>(bo, 'message', 3000);
    const sent = await ada.emitWithAck('sendMessage', 'hello from A', 'msg-a-1');
    assert.equal(sent.ok, true);
    assert.equal((await heard).text, 'hello from A');
    const reply = await bo.emitWithAck('sendMessage', 'hello from B');
    assert.ok(reply.id > sent.id, 'one id sequence for both processes');
    // A retry that lands on the other process is still stored once.
    const retried = await bo.emitWithAck('sendMessage', 'hello from A', 'msg-a-1');
    assert.equal(retried.id, sent.id);

    const late = await student(b, '/chat', 'Cy');
    sockets.push(late);
    const joined = await late.emitWithAck('join', { name: 'Cy', room: 'hall' });
    const texts = joined.history.filter((m: { system?: boolean }) => !m.system).map((m: { text: string }) => m.text);
    assert.deepEqual(texts, ['hello from A', 'hello from B']);
  });

  test('both answer /healthz and /readyz', async () => {
    for (const server of [a, b]) {
      for (const path of ['/healthz', '/readyz']) {
        const response = await fetch(server.url + path);
        assert.equal(response.status, 200, `${server.url}${path}`);
        assert.equal(await response.text(), 'ok');
      }
    }
  });
});
