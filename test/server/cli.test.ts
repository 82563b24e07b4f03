import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { io } from 'socket.io-client';
import { nextEvent } from '../harness.ts';
import { startServer } from '../processes.ts';

test('the server prints its URL, serves Socket.IO there, and on SIGTERM tells its clients and exits 0', async () => {
  const server = await startServer({ PORT: '0' });
  const client = io(`${server.url}/sockets-intro`, { transports: ['websocket'], reconnection: false });
  const count = await nextEvent<number>(client, 'number:change');
  assert.equal(typeof count, 'number');

  const told = nextEvent(client, 'server:closing', 5000);
  const disconnected = nextEvent(client, 'disconnect', 5000);
  const stopped = performance.now();
  server.child.kill('SIGTERM');
  const [code] = await once(server.child, 'exit');
  assert.equal(code, 0, server.output());
  assert.ok(performance.now() - stopped < 5000, 'within 5 seconds');
  await told;
  await disconnected;
});

test('a bad PORT stops the server with a clear message', async () => {
  const child = spawn(process.execPath, ['src/server/index.ts'], {
    env: { ...process.env, PORT: 'eighty' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const [code] = await once(child, 'exit');
  assert.equal(code, 1);
  assert.match(stderr, /PORT must be a whole number from 0 to 65535, not "eighty"/);
});

test('a port already in use stops the second server with a clear message', async () => {
  const first = await startServer({ PORT: '0' });
  const port = new URL(first.url).port;
  const second = spawn(process.execPath, ['src/server/index.ts'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: port },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  second.stderr.on('data', (chunk) => (stderr += chunk));
  const [code] = await once(second, 'exit');
  assert.equal(code, 1);
  assert.match(stderr, new RegExp(`Port ${port} is already in use`));
  first.child.kill('SIGTERM');
  await once(first.child, 'exit');
});

test('without a built site the server still starts, and a page says how to build it', async () => {
  const server = await startServer({ PORT: '0', STATIC_DIR: '/nonexistent/dist' });
  assert.match(server.output(), /No built site in \/nonexistent\/dist/);
  const response = await fetch(`${server.url}/`);
  assert.equal(response.status, 404);
  assert.match(await response.text(), /npm start/);
  server.child.kill('SIGTERM');
  await once(server.child, 'exit');
});

test('messages acked before a kill -9 are all there after a restart, a retry is stored once, and ids keep increasing', {
  timeout: 20_000,
}, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'workshop-chat-'));
  try {
    let server = await startServer({ PORT: '0', DATA_DIR: dataDir });
    const ada = io(`${server.url}/delivery`, { transports: ['websocket'], reconnection: false });
    const ids: number[] = [];
    for (let i = 1; i <= 5; i++) {
      const answer = await ada.emitWithAck('message:send', `message ${i}`, `ada-${i}`);
      assert.equal(answer.ok, true);
      ids.push(answer.id);
    }
    server.child.kill('SIGKILL');
    await once(server.child, 'exit');
    ada.disconnect();

    server = await startServer({ PORT: '0', DATA_DIR: dataDir });
    // Ada never saw the last ack (say), and sends it again after the restart: stored once.
    const adaAgain = io(`${server.url}/delivery`, {
      transports: ['websocket'],
      reconnection: false,
      auth: { serverOffset: ids[4] },
    });
    const retried = await adaAgain.emitWithAck('message:send', 'message 5', 'ada-5');
    assert.equal(retried.id, ids[4], 'the same ack as before the crash');
    adaAgain.disconnect();
    // A new client (offset 0) gets what is stored: each message once, in order.
    const bo = io(`${server.url}/delivery`, {
      transports: ['websocket'],
      reconnection: false,
      autoConnect: false,
      auth: { serverOffset: 0 },
    });
    const texts: string[] = [];
    bo.on('message', (m: { text: string }) => texts.push(m.text));
    bo.connect();
    const deadline = Date.now() + 5000;
    while (texts.length < 5 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(
      texts,
      Array.from({ length: 5 }, (_, i) => `message ${i + 1}`),
    );
    const next = await bo.emitWithAck('message:send', 'after the restart', 'bo-1');
    assert.ok(next.id > Math.max(...ids), `${next.id} comes after ${Math.max(...ids)}`);
    bo.disconnect();
    server.child.kill('SIGTERM');
    await once(server.child, 'exit');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('npm run cluster without REDIS_URL, or with a bad --workers, stops with a sentence that says what to do', async () => {
  const run = async (args: string[], env: Record<string, string | undefined>) => {
    const child = spawn(process.execPath, ['src/server/cluster.ts', ...args], {
      env: { ...process.env, PORT: '0', REDIS_URL: undefined, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const [code] = await once(child, 'exit');
    return { code, stderr };
  };
  const noRedis = await run(['--workers', '2'], {});
  assert.equal(noRedis.code, 1);
  assert.match(
    noRedis.stderr,
    /share classes, chats and broadcasts through Redis: start one \(redis-server\) and set REDIS_URL/,
  );
  const badCount = await run(['--workers', 'many'], { REDIS_URL: 'redis://127.0.0.1:1' });
  assert.match(badCount.stderr, /--workers needs a whole number from 1 to 64, not "many"/);
  const unknown = await run(['--wrkers', '2'], { REDIS_URL: 'redis://127.0.0.1:1' });
  assert.match(unknown.stderr, /Unknown option --wrkers/);
});
