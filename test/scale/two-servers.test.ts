import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import { io, type Socket } from 'socket.io-client';
import { RATES } from '../../src/server/plumbing/rate-limit.ts';
import { connected, nextEvent, nextMatching, settle } from '../harness.ts';
import { startServer } from '../processes.ts';
import { startRedis } from '../redis.ts';

type Server = Awaited<ReturnType<typeof startServer>>;

const TOKEN = 'two-servers-instructor';
const key = (n: number) => `student-key-${String(n).padStart(8, '0')}`;

/** A real client of one server process, over WebSocket, connected. */
async function student(server: Server, namespace: string, name: string, auth: object = { name }): Promise<Socket> {
  const socket = io(`${server.url}${namespace}`, {
    transports: ['websocket'],
    auth,
    forceNew: true,
    reconnection: false,
  });
  await connected(socket);
  return socket;
}

describe('two server processes sharing one Redis', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let a: Server, b: Server;
  const sockets: Socket[] = [];

  before(async () => {
    redis = await startRedis();
    [a, b] = await Promise.all([
      startServer({ PORT: '0', REDIS_URL: redis.url, INSTRUCTOR_TOKEN: TOKEN }),
      startServer({ PORT: '0', REDIS_URL: redis.url, INSTRUCTOR_TOKEN: TOKEN }),
    ]);
  });
  after(async () => {
    for (const socket of sockets) socket.disconnect();
    for (const server of [a, b]) {
      server.child.kill('SIGTERM');
      await once(server.child, 'exit');
    }
    await redis.stop();
  });

  test('one address has one chat allowance, whichever process its sockets reach', async () => {
    const from = (server: Server) =>
      io(`${server.url}/chat`, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        localAddress: '127.0.8.8',
      } as object);
    const [onA, onB] = [from(a), from(b)];
    sockets.push(onA, onB);
    await Promise.all([connected(onA), connected(onB)]);
    for (const [i, s] of [onA, onB].entries())
      assert.equal((await s.emitWithAck('join', { name: `Twin${i}`, room: 'twins' })).ok, true);
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => [onA, onB][i % 2]!.emitWithAck('sendMessage', `hi ${i}`)),
    );
    assert.equal(
      answers.filter((answer) => answer.ok).length,
      RATES.message.burst - 2,
      'the two joins were two of them',
    );
  });

  test('a student on A and a student on B share one counter', async () => {
    // Each has the count sent on arrival: what comes next is a change.
    const counted = async (server: Server, name: string) => {
      const socket = io(`${server.url}/sockets-intro`, {
        transports: ['websocket'],
        auth: { name },
        forceNew: true,
        reconnection: false,
      });
      sockets.push(socket);
      await nextEvent(socket, 'number:change', 3000);
      return socket;
    };
    const [ada, bo] = await Promise.all([counted(a, 'Ada'), counted(b, 'Bo')]);
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
    // Ada's join notices may still be on their way to B: wait for her hello itself.
    const heard = nextMatching<string>(bo, 'IO_SERVER_HELLO', (text) => text.startsWith('Ada says'), 3000);
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
    const sent = await ada.emitWithAck('sendMessage', 'hello from A');
    assert.equal(sent.ok, true);
    assert.equal((await heard).text, 'hello from A');
    const reply = await bo.emitWithAck('sendMessage', 'hello from B');
    assert.ok(reply.id > sent.id, 'one id sequence for both processes');

    const late = await student(b, '/chat', 'Cy');
    sockets.push(late);
    const joined = await late.emitWithAck('join', { name: 'Cy', room: 'hall' });
    const texts = joined.history.filter((m: { system?: boolean }) => !m.system).map((m: { text: string }) => m.text);
    assert.deepEqual(texts, ['hello from A', 'hello from B']);
  });

  test('a class created on A is joinable on B, and the instructor on A steers students on B', async () => {
    const instructor = await student(a, '/instructor', '', { token: TOKEN });
    sockets.push(instructor);
    const { code } = await instructor.emitWithAck('class:create', { title: 'Hall' });
    const watched = await instructor.emitWithAck('class:watch', { code });
    assert.equal(watched.ok, true);

    // Names are the class's, not a process's: Ada on B holds hers on A too.
    const roster = nextEvent<{ changed: { name: string; connected: boolean }[] }>(instructor, 'roster:delta', 3000);
    const ada = await student(b, `/class/${code}`, '', { name: 'Ada', key: key(1) });
    sockets.push(ada);
    assert.deepEqual(
      (await roster).changed.map((e) => [e.name, e.connected]),
      [['Ada', true]],
    );
    await assert.rejects(student(a, `/class/${code}`, '', { name: 'ADA', key: key(2) }), { message: /taken/ });
    const adaOnA = await student(a, `/class/${code}`, '', { name: 'Ada', key: key(1) }); // her second tab, on A
    sockets.push(adaOnA);
    await settle(400); // the dashboard hears of this tab

    // The dashboard on A sees where Ada is on B; closing her tab on A leaves her connected on B.
    const moved = nextEvent<{ changed: { lesson: string | null }[] }>(instructor, 'roster:delta', 3000);
    ada.emit('student:where', { lesson: 'chat', section: null });
    assert.equal((await moved).changed[0]!.lesson, 'chat');
    const closed = nextEvent<{ changed: { connected: boolean; lesson: string | null }[] }>(
      instructor,
      'roster:delta',
      6000,
    );
    adaOnA.disconnect();
    assert.deepEqual(
      (await closed).changed.map((e) => [e.connected, e.lesson]),
      [[true, 'chat']],
    );
    const again = await instructor.emitWithAck('class:watch', { code });
    assert.deepEqual(
      again.roster.map((e: { name: string; connected: boolean }) => [e.name, e.connected]),
      [['Ada', true]],
    );

    // Follow-me and the chat lock, set on A, reach B.
    const state = nextEvent<{ follow: { lesson: string } | null }>(ada, 'class:state', 3000);
    assert.equal((await instructor.emitWithAck('class:follow', { code, lesson: 'rooms' })).ok, true);
    assert.equal((await state).follow?.lesson, 'rooms');
    const chatter = await student(b, `/class/${code}/chat`, '', { name: 'Ada', classKey: key(1) });
    sockets.push(chatter);
    assert.equal((await chatter.emitWithAck('join', { name: 'Ada', room: 'lobby' })).ok, true);
    assert.equal((await instructor.emitWithAck('class:lock-chat', { code, locked: true })).ok, true);
    assert.equal((await chatter.emitWithAck('sendMessage', 'hello?')).ok, false);

    // Removed on A: told and dropped on B, and out on both.
    const told = nextEvent<{ reason: string }>(ada, 'class:removed', 3000);
    const dropped = nextEvent(chatter, 'disconnect', 3000);
    assert.equal((await instructor.emitWithAck('class:remove-student', { code, name: 'Ada' })).ok, true);
    assert.match((await told).reason, /removed you/);
    await dropped;
    await assert.rejects(student(b, `/class/${code}`, '', { name: 'Ada', key: key(1) }), {
      message: 'removed from class',
    });
    await assert.rejects(student(a, `/class/${code}/chat`, '', { classKey: key(1) }), {
      message: 'removed from class',
    });

    // Ended on A: ended on B.
    const bo = await student(b, `/class/${code}`, '', { name: 'Bo', key: key(3) });
    sockets.push(bo);
    const ended = nextEvent<{ reason: string }>(bo, 'class:ended', 3000);
    assert.equal((await instructor.emitWithAck('class:end', { code })).ok, true);
    assert.match((await ended).reason, /ended/);
    await assert.rejects(student(b, `/class/${code}`, '', { name: 'Cy', key: key(4) }), { message: 'unknown class' });
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
