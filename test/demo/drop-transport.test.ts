import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { io } from 'socket.io-client';
import { dropTransport } from '../../src/components/demo/offline-switch.ts';
import { connected, nextEvent, type Running, startApp } from '../harness.ts';

// The demos' "Drop the connection" and "Kill the transport" buttons, driven in Node with the
// browser's transports: long-polling first, then the upgrade to WebSocket.
let server: Running;
before(async () => {
  server = await startApp();
});
after(async () => {
  await server.close();
});

/** A client as a page opens one (polling, then WebSocket), and its first upgrade: once under way, and done. */
function pageClient() {
  const socket = io(`${server.url}/sockets-intro`, { forceNew: true, reconnectionDelay: 50 });
  const upgrade = new Promise<{ underWay: Promise<void>; done: Promise<void> }>((resolve) =>
    socket.io.once('open', () => {
      const engine = socket.io.engine;
      // Just after 'upgrading', the polling transport is pausing: it waits for its poll to end.
      const underWay = new Promise<void>((started) => engine.once('upgrading', () => queueMicrotask(started)));
      const done = new Promise<void>((finished) => engine.once('upgrade', () => finished()));
      resolve({ underWay, done });
    }),
  );
  return { socket, upgrade };
}

test('a connection dropped while it upgrades to WebSocket drops, and comes back by itself', async () => {
  const { socket, upgrade } = pageClient();
  try {
    await (await upgrade).underWay;
    const dropped = nextEvent(socket, 'disconnect');
    dropTransport(socket.io);
    assert.equal(await dropped, 'transport close');
    await nextEvent(socket, 'connect');
  } finally {
    socket.disconnect();
  }
});

test('a connection dropped once it is on WebSocket drops, and comes back by itself', async () => {
  const { socket, upgrade } = pageClient();
  try {
    await (await upgrade).done;
    await connected(socket);
    const dropped = nextEvent(socket, 'disconnect');
    dropTransport(socket.io);
    assert.equal(await dropped, 'transport close');
    await nextEvent(socket, 'connect');
  } finally {
    socket.disconnect();
  }
});
