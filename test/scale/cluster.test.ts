import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import { io, type Socket } from 'socket.io-client';
import { TOO_FAST } from '../../src/shared/acks.ts';
import { connected, nextEvent } from '../harness.ts';
import { startServer } from '../processes.ts';
import { startRedis } from '../redis.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A client that behaves as the delivery lesson's page does: its handshake says the
 * last offset it saw (a new session gets what came after it), and it sends each
 * message until it has an ack, always with the same client offset.
 */
async function chatter(url: string, name: string) {
  // Long-polling first, as a browser does: the cluster must keep each session on one worker.
  const auth = { name, serverOffset: 0 };
  const socket: Socket = io(`${url}/delivery`, {
    auth,
    forceNew: true,
    reconnectionDelay: 200,
    reconnectionDelayMax: 1000,
  });
  const state = { seen: new Map<number, string>(), drops: 0 };
  socket.on('message', (message: { id: number; text: string }) => {
    state.seen.set(message.id, message.text);
    auth.serverOffset = Math.max(auth.serverOffset, message.id);
  });
  socket.on('disconnect', () => state.drops++);
  try {
    await connected(socket);
  } catch (error) {
    socket.disconnect(); // else it keeps reconnecting, and the test process never ends
    throw error;
  }

  async function send(text: string) {
    const clientOffset = `${name}-${text}`.replace(/\W/g, '-');
    for (;;) {
      try {
        const answer = await socket.timeout(3000).emitWithAck('message:send', text, clientOffset);
        if (answer.ok) return void state.seen.set(answer.id, text);
        await sleep(answer.error === TOO_FAST ? 1000 : 300);
      } catch {
        await sleep(300); // no ack: the connection dropped, or the worker died
      }
    }
  }
  return { name, socket, state, send };
}

describe('npm run cluster: several workers on one port', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let cluster: Awaited<ReturnType<typeof startServer>>;

  before(async () => {
    redis = await startRedis();
    cluster = await startServer({ PORT: '0', REDIS_URL: redis.url }, ['src/server/cluster.ts', '--workers', '2']);
  });
  after(async () => {
    cluster.child.kill('SIGTERM');
    await once(cluster.child, 'exit');
    await redis.stop();
  });

  test('pages, long-polling and WebSocket clients all work through the one port', async () => {
    assert.equal((await fetch(`${cluster.url}/readyz`)).status, 200);
    const clients = [
      io(`${cluster.url}/sockets-intro`, { transports: ['polling'], forceNew: true }),
      io(`${cluster.url}/sockets-intro`, { transports: ['websocket'], forceNew: true }),
    ];
    try {
      await Promise.all(clients.map(connected));
      await sleep(300);
      const counts = clients.map((c) => nextEvent<number>(c, 'number:change', 3000));
      clients[0]!.emit('increment');
      const [polling, websocket] = await Promise.all(counts);
      assert.equal(polling, websocket);
    } finally {
      for (const client of clients) client.disconnect();
    }
  });

  test('killing a worker moves its students to another, and no message is lost or doubled', async () => {
    const pids = [...cluster.output().matchAll(/Worker \d+ ready \(pid (\d+)\)/g)].map((m) => Number(m[1]));
    assert.equal(pids.length, 2);
    const names = ['Ada', 'Bo', 'Cy', 'Di', 'Ed', 'Flo'];
    const chatters = [];
    for (const name of names) chatters.push(await chatter(cluster.url, name));
    try {
      // Everyone writes five lines while one worker is killed halfway.
      const texts = names.flatMap((name) => Array.from({ length: 5 }, (_, i) => `${name} ${i}`));
      const sending = chatters.map(async (c) => {
        for (let i = 0; i < 5; i++) {
          await c.send(`${c.name} ${i}`);
          await sleep(100);
        }
      });
      await sleep(250);
      process.kill(pids[0]!, 'SIGKILL');
      await Promise.all(sending);

      // Each one ends up with every line, once (the dropped ones by catching up from their offset).
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline && chatters.some((c) => c.state.seen.size < texts.length)) await sleep(200);
      const dropped = chatters.filter((c) => c.state.drops > 0).map((c) => c.name);
      assert.ok(dropped.length > 0 && dropped.length < names.length, `dropped: ${dropped.join(', ')}`);
      for (const c of chatters)
        assert.deepEqual([...c.state.seen.values()].sort(), [...texts].sort(), `${c.name} saw every line`);

      // And the room's history holds each line once: a retry that reached the other worker was not stored twice.
      const late = await chatter(cluster.url, 'Late');
      chatters.push(late);
      const caughtUp = Date.now() + 5000;
      while (Date.now() < caughtUp && late.state.seen.size < texts.length) await sleep(50);
      await sleep(200);
      assert.deepEqual([...late.state.seen.values()].sort(), [...texts].sort());
      assert.match(cluster.output(), /Worker 1 \(pid \d+\) stopped \(SIGKILL\); starting another/);
    } finally {
      for (const c of chatters) c.socket.disconnect();
    }
  });
});
