// #region setup
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before, beforeEach, test } from 'node:test';
import { Server } from 'socket.io';
import { io as ioc, type Socket } from 'socket.io-client';
import { register } from './server.ts';

let io: Server;
let url: string;

// One real server for the whole file, on a port the system picks (0): no clash
// with another test file, or with the app running on 4321.
before(async () => {
  const httpServer = createServer();
  io = new Server(httpServer);
  // What the workshop's server does for every socket: the name from the handshake.
  io.use((socket, next) => {
    socket.data.name = socket.handshake.auth.name;
    next();
  });
  register(io.of('/'));
  await new Promise<void>((resolve) => httpServer.listen(0, resolve));
  url = `http://localhost:${(httpServer.address() as AddressInfo).port}`;
});

// Close the server (and its HTTP server): else the test process never ends.
after(() => io.close());
// #endregion

// #region clients
let alice: Socket;
let bob: Socket;

/** A new client, on WebSocket at once (no long-polling first: quicker), connected. */
async function connect(name: string) {
  const socket = ioc(url, {
    auth: { name },
    forceNew: true,
    transports: ['websocket'],
  });
  await heard(socket, 'connect');
  return socket;
}

beforeEach(async () => {
  [alice, bob] = await Promise.all([connect('alice'), connect('bob')]);
});

afterEach(() => {
  alice.disconnect();
  bob.disconnect();
});
// #endregion

// #region heard
/**
 * The next `event` on `socket`, or a failure after `ms`:
 * a test waits for what it expects, and never sleeps.
 */
function heard(socket: Socket, event: string, ms = 1000) {
  return new Promise<unknown>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, done);
      reject(new Error(`nothing heard on "${event}" within ${ms} ms`));
    }, ms);
    function done(value?: unknown) {
      clearTimeout(timer);
      resolve(value);
    }
    socket.once(event, done);
  });
}
// #endregion

// #region tests
test('the server answers a shout with the loud text', async () => {
  const answer = await alice.timeout(1000).emitWithAck('shout', 'hello');
  assert.deepEqual(answer, { ok: true, text: 'HELLO!' });
});

test("bob hears alice's shout", async () => {
  const shout = heard(bob, 'shouted'); // listen before the shout is sent
  await alice.timeout(1000).emitWithAck('shout', 'hello');
  assert.deepEqual(await shout, { from: 'alice', text: 'HELLO!' });
});

test('alice does not hear her own shout', async () => {
  const own: unknown[] = [];
  alice.on('shouted', (shout) => own.push(shout));
  // The server sends the broadcast before the answer, in order on one connection:
  // once alice has her answer, a shout to her would have come already.
  await alice.timeout(1000).emitWithAck('shout', 'hello');
  assert.deepEqual(own, [], 'alice heard her own shout');
});

test('an empty shout is refused, and reaches nobody', async () => {
  const others: unknown[] = [];
  bob.on('shouted', (shout) => others.push(shout));
  const answer = await alice.timeout(1000).emitWithAck('shout', '  ');
  assert.deepEqual(answer, { ok: false, error: 'Shout some text.' });
  // A round trip of bob's own comes back after anything alice's shout sent him.
  await bob.timeout(1000).emitWithAck('shout', '');
  assert.deepEqual(others, []);
});
// #endregion
