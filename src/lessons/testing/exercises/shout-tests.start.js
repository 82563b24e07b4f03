// A test file, as Node's test runner runs it (node --test). Here it runs in this
// page; `./server.js` is the lesson's server: register(io) adds its handlers.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, afterEach, before, beforeEach, test } from 'node:test';
import { Server } from 'socket.io';
import { io as ioc } from 'socket.io-client';
import { register } from './server.js';

let io;
let url;

before(async () => {
  const httpServer = createServer();
  io = new Server(httpServer);
  io.use((socket, next) => {
    socket.data.name = socket.handshake.auth.name;
    next();
  });
  register(io.of('/'));
  await new Promise((resolve) => httpServer.listen(0, resolve));
  url = `http://localhost:${httpServer.address().port}`;
});
after(() => io.close());

let alice;
let bob;

async function connect(name) {
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

/** The next `event` on `socket`, or a failure after `ms`. */
function heard(socket, event, ms = 1000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, done);
      reject(new Error(`nothing heard on "${event}" within ${ms} ms`));
    }, ms);
    function done(value) {
      clearTimeout(timer);
      resolve(value);
    }
    socket.once(event, done);
  });
}

test('the server answers a shout with the loud text', async () => {
  // 1. Run: this test fails. Read why in "Test results", then fix what it expects.
  const answer = await alice.timeout(1000).emitWithAck('shout', 'hello');
  assert.deepEqual(answer, { ok: true, text: 'hello' });
});

test("bob hears alice's shout", async () => {
  // 2. Listen on bob first (heard(bob, 'shouted')), then let alice shout,
  //    and check what bob heard: { from: 'alice', text: 'HELLO!' }.
});

test('alice does not hear her own shout', async () => {
  // 3. Collect what alice hears on "shouted", let her shout and wait for her answer,
  //    then check that she heard nothing. (Why is her answer enough to wait for?)
});
