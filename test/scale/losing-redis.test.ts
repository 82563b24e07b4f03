import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { io } from 'socket.io-client';
import { STORE_DOWN } from '../../src/server/app.ts';
import { connected, nextEvent } from '../harness.ts';
import { startServer } from '../processes.ts';
import { startRedis } from '../redis.ts';

const readiness = async (url: string) => (await fetch(`${url}/readyz`)).status;

/** The share of one core a process used over `ms` (Linux: /proc), or undefined where unknown. */
async function cpuShare(pid: number, ms: number): Promise<number | undefined> {
  const ticks = () => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks (1/100 s)
    } catch {
      return undefined;
    }
  };
  const before = ticks();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = ticks();
  return before === undefined || after === undefined ? undefined : (after - before) / 100 / (ms / 1000);
}

async function until(check: () => Promise<boolean>, what: string, ms = 10_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('losing Redis: the server says so, keeps its sockets, pauses chat with a clear error, and recovers by itself', {
  timeout: 40_000,
}, async () => {
  let redis = await startRedis();
  const server = await startServer({ PORT: '0', REDIS_URL: redis.url, INSTRUCTOR_TOKEN: 'losing-redis-token' });
  const ada = io(`${server.url}/chat`, { transports: ['websocket'], forceNew: true });
  const instructor = io(`${server.url}/instructor`, {
    transports: ['websocket'],
    forceNew: true,
    auth: { token: 'losing-redis-token' },
  });
  const student = (name: string) =>
    connected(
      io(`${server.url}/class/${code}`, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        auth: { name, key: `student-key-${name}-0000` },
      }),
    );
  let code = '';
  try {
    await nextEvent(ada, 'connect', 5000);
    code = (await instructor.emitWithAck('class:create', { title: 'Outage' })).code;
    assert.equal((await ada.emitWithAck('join', { name: 'Ada', room: 'lobby' })).ok, true);
    assert.equal(await readiness(server.url), 200);

    await redis.stop();
    await until(async () => (await readiness(server.url)) === 503, '/readyz says 503');
    assert.equal(await (await fetch(`${server.url}/readyz`)).text(), 'Redis is unreachable');
    assert.deepEqual(await ada.timeout(5000).emitWithAck('sendMessage', 'anyone?'), { ok: false, error: STORE_DOWN });
    assert.equal(ada.connected, true, 'the socket stays');
    assert.match(server.output(), /Redis is unreachable/);
    // A student arriving in a class hears why they cannot come in yet.
    await assert.rejects(student('Bo'), { message: /lost contact with its storage/ });
    // Nothing spins while it waits (the adapter's stream reader once did: a core at 100 %).
    const busy = await cpuShare(server.child.pid!, 2000);
    if (busy !== undefined)
      assert.ok(busy < 0.5, `the server used ${Math.round(busy * 100)} % of a core while Redis was away`);

    redis = await startRedis(redis.port);
    await until(async () => (await readiness(server.url)) === 200, '/readyz back to 200');
    const answer = await ada.timeout(5000).emitWithAck('sendMessage', 'back again');
    assert.equal(answer.ok, true, JSON.stringify(answer));
    await student('Bo');
  } finally {
    ada.disconnect();
    instructor.disconnect();
    server.child.kill('SIGTERM');
    await once(server.child, 'exit');
    await redis.stop();
  }
});
