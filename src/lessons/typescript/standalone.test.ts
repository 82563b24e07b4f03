import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import { startRedis } from '../../../scripts/redis-server.ts';
import { until } from '../../../test/harness.ts';
import type { ClientToServerEvents, ServerToClientEvents } from './events.ts';

/** standalone.ts started as a reader would, on a free port: its address, and everything it printed. */
async function start(env: Record<string, string> = {}) {
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('./standalone.ts', import.meta.url))],
    {
      env: { ...process.env, PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const output = { text: '' };
  child.stdout!.on('data', (chunk) => (output.text += chunk));
  await until(
    () => /localhost:\d+/.test(output.text) || child.exitCode !== null,
    'standalone.ts listening',
    10_000,
  );
  const port = /localhost:(\d+)/.exec(output.text)?.[1];
  assert.ok(port, `standalone.ts did not listen: ${output.text}`);
  return { child, url: `http://localhost:${port}`, output };
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill();
  await once(child, 'exit');
}

describe("the typescript lesson's standalone server", () => {
  const children: ChildProcess[] = [];
  const clients: Socket[] = [];
  after(async () => {
    for (const socket of clients) socket.disconnect();
    await Promise.all(children.map(stop));
  });

  test('a typed client votes, and the server answers through the typed callback, checking what arrived', async () => {
    const server = await start();
    children.push(server.child);
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(server.url, {
      forceNew: true,
      transports: ['websocket'],
      auth: { name: 'Ada' },
    });
    clients.push(socket as unknown as Socket);
    assert.deepEqual(await socket.emitWithAck('poll:vote', 'spaces'), {
      ok: true,
      choice: 'spaces',
    });
    await until(
      () => server.output.text.includes('Ada votes spaces'),
      'the vote logged',
    );
    const untyped = socket as unknown as Socket;
    assert.deepEqual(await untyped.emitWithAck('poll:vote', 'tab'), {
      ok: false,
      error: 'Vote "tabs" or "spaces".',
    });
  });

  test('with REDIS_URL, a server that starts says hello to the servers already up', async () => {
    const redis = await startRedis();
    try {
      const first = await start({ REDIS_URL: redis.url, SERVER_NAME: 'Server A' });
      children.push(first.child);
      const second = await start({ REDIS_URL: redis.url, SERVER_NAME: 'Server B' });
      children.push(second.child);
      await until(
        () => first.output.text.includes('Server B is up too'),
        "B's hello heard by A",
        5000,
      );
      assert.doesNotMatch(second.output.text, /is up too/); // A said hello before B was there
      await Promise.all([stop(first.child), stop(second.child)]);
    } finally {
      await redis.stop();
    }
  });
});
