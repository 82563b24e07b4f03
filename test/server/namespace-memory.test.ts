import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Manager } from 'socket.io-client';
import { TOO_MANY_NAMESPACES, TOO_MANY_SOCKETS } from '../../src/server/socket-limits.ts';
import { type Running, startApp } from '../harness.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** One connection (a Manager) that opens a namespace, waits for the answer, and closes it again. */
function hopper(server: Running) {
  const manager = new Manager(server.url, { transports: ['websocket'], reconnection: false, forceNew: true });
  return {
    manager,
    async visit(namespace: string, auth: object = {}) {
      const socket = manager.socket(namespace, { auth });
      const outcome = await new Promise<string>((resolve) => {
        socket.once('connect', () => resolve('connected'));
        socket.once('connect_error', (error) => resolve(error.message));
        socket.connect();
      });
      socket.disconnect();
      return outcome;
    },
  };
}

test('a dropped namespace leaves nothing behind: refused class guesses and the teams a client hops through are collected', async () => {
  // Guesses are let through here, to make many namespaces quickly (their limit has a test of its own).
  const server = await startApp({ guesses: { slowAfter: 1000, blockAfter: 1000, windowMs: 60_000, blockMs: 60_000 } });
  const made: WeakRef<object>[] = [];
  server.app.io.on('new_namespace', (nsp) => made.push(new WeakRef(nsp)));
  try {
    const mallory = hopper(server);
    const outcomes: string[] = [];
    for (let i = 0; i < 150; i++) {
      outcomes.push(
        await mallory.visit(
          `/namespaces-and-middleware/team-${String.fromCharCode(97 + (i % 26))}${'x'.repeat(1 + Math.floor(i / 26))}`,
        ),
      );
      outcomes.push(await mallory.visit(`/class/ZZZ${String(i).padStart(3, '2')}/chat`));
    }
    assert.equal(outcomes.filter((o) => o === 'connected').length, 150, 'every team opened');
    assert.equal(outcomes.filter((o) => o === 'unknown class').length, 150, 'every guess told "unknown class"');
    assert.ok(made.length >= 300, `${made.length} namespaces made`);
    mallory.manager.engine.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    gc();
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    const alive = made.filter((ref) => ref.deref() !== undefined).length;
    assert.equal(alive, 0, `${alive} of ${made.length} dropped namespaces are still in memory`);
  } finally {
    await server.close();
  }
});

test('no namespace is made for a class namespace that cannot be one: a lesson that does not exist, or a code of the wrong shape', async () => {
  const server = await startApp();
  let made = 0;
  server.app.io.on('new_namespace', () => made++);
  try {
    const mallory = hopper(server);
    for (const name of [
      '/class/ABCDEF/no-such-lesson',
      '/class/ABCDEF/chat/more',
      `/class/${'A'.repeat(40)}/chat`,
      '/class/ÄBCDEF/chat',
      '/class/AB CD/rooms',
    ]) {
      assert.equal(await mallory.visit(name), 'Invalid namespace', name);
    }
    assert.equal(made, 0);
    mallory.manager.engine.close();
  } finally {
    await server.close();
  }
});

test("an address's sockets are given back as they disconnect, and with their connection", async () => {
  const server = await startApp({ maxSocketsPerIp: 3 });
  try {
    // `autoConnect: false`: a socket of the manager then sends its CONNECT once, when `open` asks.
    const connection = () =>
      new Manager(server.url, { transports: ['websocket'], reconnection: false, forceNew: true, autoConnect: false });
    const open = (manager: Manager, namespace: string) =>
      new Promise<string>((resolve) => {
        const socket = manager.socket(namespace);
        socket.once('connect', () => resolve('connected'));
        socket.once('connect_error', (error) => resolve(error.message));
        socket.connect();
      });
    // The server hears of a disconnect a moment after the client: ask again until it has.
    const openOnceGivenBack = async (manager: Manager, namespace: string) => {
      for (let tries = 0; tries < 50; tries++) {
        const outcome = await open(manager, namespace);
        if (outcome !== TOO_MANY_SOCKETS) return outcome;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return TOO_MANY_SOCKETS;
    };
    const first = connection();
    const second = connection();
    assert.equal(await open(first, '/sockets-intro'), 'connected');
    assert.equal(await open(first, '/rooms'), 'connected');
    assert.equal(await open(second, '/chat'), 'connected');
    assert.equal(await open(second, '/emit-vs-broadcast'), TOO_MANY_SOCKETS);
    // One socket goes (its connection stays): one comes in.
    first.socket('/rooms').disconnect();
    assert.equal(await openOnceGivenBack(second, '/acknowledgements'), 'connected');
    assert.equal(await open(first, '/reconnection'), TOO_MANY_SOCKETS);
    // A whole connection goes: both of its sockets are given back.
    second.engine.close();
    assert.equal(await openOnceGivenBack(first, '/delivery'), 'connected');
    assert.equal(await open(first, '/typescript'), 'connected');
    assert.equal(await open(first, '/react'), TOO_MANY_SOCKETS);
    first.engine.close();
  } finally {
    await server.close();
  }
});

test('one connection can hold 16 namespaces at once; the next is refused with a sentence, and closing one makes room', async () => {
  const server = await startApp();
  try {
    const manager = new Manager(server.url, { transports: ['websocket'], reconnection: false, forceNew: true });
    const open = (namespace: string) =>
      new Promise<string>((resolve) => {
        const socket = manager.socket(namespace);
        socket.once('connect', () => resolve('connected'));
        socket.once('connect_error', (error) => resolve(error.message));
        socket.connect();
      });
    const teams = Array.from(
      { length: 16 },
      (_, i) => `/namespaces-and-middleware/team-${String.fromCharCode(97 + i)}`,
    );
    assert.deepEqual(
      await Promise.all(teams.map(open)),
      teams.map(() => 'connected'),
    );
    assert.equal(await open('/sockets-intro'), TOO_MANY_NAMESPACES);
    manager.socket(teams[0]!).disconnect();
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(await open('/sockets-intro'), 'connected');
    manager.engine.close();
  } finally {
    await server.close();
  }
});
