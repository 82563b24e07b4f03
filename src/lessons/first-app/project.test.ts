import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Server } from 'socket.io';
import { io, type Socket } from 'socket.io-client';
import { connected, nextEvent, until } from '../../../test/harness.ts';
import { extractRegion } from '../../components/code/regions.ts';

/** The lesson's project folder: what a reader makes with `npm init`, as it is. */
const PROJECT = fileURLToPath(new URL('./project/', import.meta.url));

/**
 * The project's `npm start` (`node server.js`), run as a reader runs it: from
 * its folder (express.static('public') is relative to it), on a free port.
 */
describe('the first app: the Express project of the lesson, started with node server.js', () => {
  let child: ChildProcess;
  let url: string;
  /** What the server printed, line by line. */
  const printed: string[] = [];
  const clients: Socket[] = [];
  const open = (auth?: object) => {
    const socket = io(url, { forceNew: true, auth, transports: ['websocket'] });
    clients.push(socket);
    return socket;
  };

  before(async () => {
    child = spawn(process.execPath, ['server.js'], {
      cwd: PROJECT,
      env: { ...process.env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (text: string) =>
      printed.push(...text.trim().split('\n')),
    );
    const exited = once(child, 'exit').then(() =>
      assert.fail('server.js stopped before it listened'),
    );
    await Promise.race([
      until(() => printed.length > 0, 'the first line', 10_000),
      exited,
    ]);
    const port = /^Listening on http:\/\/localhost:(\d+)$/.exec(printed[0]!)?.[1];
    assert.ok(port, `no address in: ${printed[0]}`);
    url = `http://localhost:${port}`;
  });
  after(async () => {
    for (const socket of clients) socket.disconnect();
    if (child.exitCode === null && child.signalCode === null) {
      child.kill();
      await once(child, 'exit');
    }
  });

  test('the page is public/index.html with its client.js, and it loads the client the server hands out', async () => {
    const page = await fetch(url);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.equal(html, readFileSync(`${PROJECT}public/index.html`, 'utf8'));
    assert.match(html, /<script src="\/socket\.io\/socket\.io\.js"><\/script>/);
    const own = await fetch(`${url}/client.js`);
    assert.equal(await own.text(), readFileSync(`${PROJECT}public/client.js`, 'utf8'));
    const script = await fetch(`${url}/socket.io/socket.io.js`);
    assert.equal(script.status, 200);
    assert.match(script.headers.get('content-type') ?? '', /javascript/);
    assert.match(await script.text(), /Socket\.IO v4\.\d+\.\d+/);
  });

  test('a client has no id before it connects, then the one the server welcomes it with', async () => {
    const ada = open();
    assert.equal(ada.connected, false);
    assert.equal(ada.id, undefined);
    const welcome = await nextEvent<string>(ada, 'welcome');
    assert.equal(ada.connected, true);
    assert.match(ada.id ?? '', /^[\w-]{20}$/);
    assert.equal(welcome, `Welcome! The server knows you as ${ada.id}.`);
    await until(() => printed.includes(`${ada.id} connected`), 'the connection logged');
  });

  test('two clients are welcomed each with an id of its own', async () => {
    const [ada, bo] = [open(), open()];
    const [a, b] = await Promise.all([
      nextEvent<string>(ada, 'welcome'),
      nextEvent<string>(bo, 'welcome'),
    ]);
    assert.notEqual(ada.id, bo.id);
    assert.ok(a.includes(ada.id!) && b.includes(bo.id!));
  });

  test('Mallory is turned away with the middleware’s sentence, and her client does not retry', async () => {
    const mallory = open({ name: 'Mallory' });
    await assert.rejects(connected(mallory), {
      message: 'Mallory is not welcome here.',
    });
    assert.equal(mallory.active, false);
    assert.equal(mallory.id, undefined);
  });

  test('"goodbye" makes the server disconnect that client alone: io server disconnect, and it waits', async () => {
    const [ada, bo] = [open(), open()];
    await Promise.all([connected(ada), connected(bo)]);
    const id = ada.id;
    const reason = nextEvent<string>(ada, 'disconnect');
    ada.emit('goodbye');
    assert.equal(await reason, 'io server disconnect');
    assert.equal(ada.active, false, 'it does not reconnect by itself');
    assert.equal(ada.id, undefined);
    assert.equal(bo.connected, true);
    await until(
      () => printed.includes(`${id} disconnected: server namespace disconnect`),
      'the server’s reason',
    );
    // It comes back only when told to, with a new id.
    ada.connect();
    await connected(ada);
    assert.notEqual(ada.id, id);
  });

  test('a client that disconnects itself hears io client disconnect; the server, client namespace disconnect', async () => {
    const ada = open();
    await connected(ada);
    const id = ada.id;
    const reason = nextEvent<string>(ada, 'disconnect');
    ada.disconnect();
    assert.equal(await reason, 'io client disconnect');
    await until(
      () => printed.includes(`${id} disconnected: client namespace disconnect`),
      'the server’s reason',
    );
  });

  // Last: it stops the server.
  test('when the server stops, a client hears transport close and keeps trying, with connect_error', async () => {
    const ada = open();
    await connected(ada);
    const reason = nextEvent<string>(ada, 'disconnect', 5000);
    child.kill();
    assert.equal(await reason, 'transport close');
    assert.equal(ada.active, true, 'it retries by itself');
    const error = await nextEvent<Error>(ada, 'connect_error', 5000);
    assert.equal(error.message, 'websocket error');
    ada.disconnect();
  });
});

describe('cors, for a page that another server serves (Vite on http://localhost:5173)', () => {
  /** A Socket.IO server with `options`, asked for a polling handshake from `origin`. */
  async function handshakeFrom(
    origin: string,
    options?: ConstructorParameters<typeof Server>[1],
  ) {
    const httpServer = createServer();
    const server = new Server(httpServer, options);
    httpServer.listen(0);
    await once(httpServer, 'listening');
    const { port } = httpServer.address() as AddressInfo;
    try {
      const answer = await fetch(
        `http://localhost:${port}/socket.io/?EIO=4&transport=polling`,
        {
          headers: { origin },
        },
      );
      await answer.text();
      return answer.headers.get('access-control-allow-origin');
    } finally {
      await server.close();
    }
  }

  test('without the option, the server allows no other origin (the browser then blocks the page)', async () => {
    assert.equal(await handshakeFrom('http://localhost:5173'), null);
  });

  test('with cors: { origin }, it allows that origin, and that one only', async () => {
    const options = { cors: { origin: 'http://localhost:5173' } };
    assert.equal(
      await handshakeFrom('http://localhost:5173', options),
      'http://localhost:5173',
    );
    assert.notEqual(
      await handshakeFrom('http://localhost:8080', options),
      'http://localhost:8080',
    );
  });
});

test('the demo runs the socket code of the project: server.ts shows the same lines, logging with log()', () => {
  const read = (file: string) => readFileSync(new URL(file, import.meta.url), 'utf8');
  const project = extractRegion(read('./project/server.js'), 'sockets').replaceAll(
    'console.log(',
    'log(',
  );
  assert.equal(extractRegion(read('./server.ts'), 'server'), project);
});
