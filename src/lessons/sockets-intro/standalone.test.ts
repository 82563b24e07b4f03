import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import { nextEvent } from '../../../test/harness.ts';

/** The plain app of the page (standalone.ts), started as a reader would, on a free port. */
describe('the standalone counter of lesson 1', () => {
  let child: ChildProcess;
  let url: string;
  const clients: Socket[] = [];
  const connect = () => {
    const socket = io(url, { forceNew: true, transports: ['websocket'] });
    clients.push(socket);
    return socket;
  };

  before(async () => {
    child = spawn(
      process.execPath,
      [fileURLToPath(new URL('./standalone.ts', import.meta.url))],
      {
        env: { ...process.env, PORT: '0' },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const [line] = (await Promise.race([
      once(child.stdout!, 'data'),
      once(child, 'exit').then(() =>
        assert.fail('standalone.ts stopped before it listened'),
      ),
    ])) as [Buffer];
    const port = /localhost:(\d+)/.exec(String(line))?.[1];
    assert.ok(port, `no address in: ${line}`);
    url = `http://localhost:${port}`;
  });
  after(async () => {
    for (const socket of clients) socket.disconnect();
    child.kill();
    await once(child, 'exit');
  });

  test('a new client gets the count on connect; an increment reaches every client', async () => {
    const ada = connect();
    assert.equal(await nextEvent<number>(ada, 'number:change'), 0);
    const bo = connect();
    assert.equal(await nextEvent<number>(bo, 'number:change'), 0);
    const seenByBo = nextEvent<number>(bo, 'number:change');
    const seenByAda = nextEvent<number>(ada, 'number:change');
    ada.emit('increment');
    assert.deepEqual(await Promise.all([seenByAda, seenByBo]), [1, 1]);
    const back = nextEvent<number>(bo, 'number:change');
    bo.emit('decrement');
    assert.equal(await back, 0);
  });

  test('the same port serves the page, and the client script under /socket.io/', async () => {
    const page = await fetch(url);
    assert.match(await page.text(), /socket\.io\.js/);
    const script = await fetch(`${url}/socket.io/socket.io.js`);
    assert.equal(script.status, 200);
    assert.match(script.headers.get('content-type') ?? '', /javascript/);
  });

  test('a socket has no id until it is connected, and a new one for each new session', async () => {
    const ada = connect();
    assert.equal(ada.id, undefined);
    assert.equal(ada.connected, false);
    await nextEvent(ada, 'connect');
    const first = ada.id;
    assert.equal(ada.connected, true);
    assert.match(first ?? '', /^[\w-]{20}$/);
    ada.disconnect();
    assert.equal(ada.id, undefined);
    ada.connect();
    await nextEvent(ada, 'connect');
    assert.notEqual(ada.id, first);
  });
});
