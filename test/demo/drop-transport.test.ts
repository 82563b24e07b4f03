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

/** Drops the connection once `ready` says, and checks that it drops as a network failure would and comes back. */
async function dropsAndComesBack(ready: (client: ReturnType<typeof pageClient>) => Promise<void>) {
  const client = pageClient();
  try {
    await ready(client);
    const dropped = nextEvent(client.socket, 'disconnect');
    dropTransport(client.socket.io);
    assert.equal(await dropped, 'transport close');
    await nextEvent(client.socket, 'connect');
  } finally {
    client.socket.disconnect();
  }
}

test('a connection dropped while it upgrades to WebSocket drops, and comes back by itself', () =>
  dropsAndComesBack(async ({ upgrade }) => (await upgrade).underWay));

test('a connection dropped once it is on WebSocket drops, and comes back by itself', () =>
  dropsAndComesBack(async ({ socket, upgrade }) => {
    await (await upgrade).done;
    await connected(socket);
  }));
