import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { z } from 'zod';
import { mountLesson } from '../../src/server/plumbing/mount.ts';
import type { AnyNamespace } from '../../src/server/plumbing/types.ts';
import { memoryChatHistory } from '../../src/server/storage/chat-history.ts';
import { memoryCounters } from '../../src/server/storage/counter.ts';
import { collect, nextEvent, type Running, startApp, until } from '../harness.ts';
import { rawClient } from '../raw.ts';

/** A made-up lesson with a handler that answers itself and one with a bug. */
const faulty = {
  contract: {
    slug: 'faulty',
    clientEvents: {
      echo: { args: z.tuple([z.string().max(5, 'Too long.')]), answers: true },
      boom: { args: z.tuple([]) },
      trip: { args: z.tuple([]) },
      slow: { args: z.tuple([]) },
    },
  },
  register(io: AnyNamespace) {
    // Bugs in the lesson's own middlewares, of connections and of packets.
    io.use((socket, next) => {
      if (socket.handshake.auth.explode) throw new Error('a bug in a middleware');
      next();
    });
    io.on('connection', (socket) => {
      socket.use(([event], next) => {
        if (event === 'trip') throw new Error('a bug in a packet middleware');
        next();
      });
      socket.on('trip', () => {});
      socket.on('disconnect', () => {
        if (socket.handshake.auth.badbye) throw new Error('a bug in a disconnect listener');
      });
      if (socket.handshake.auth.later) throw new Error('a bug in a connection listener');
    });
    io.on('connection', (socket) => {
      socket.on('echo', (text: string, ack: (r: object) => void) => {
        io.emit('echoed', text);
        ack({ ok: true, text });
      });
      socket.on('boom', () => {
        throw new Error('a bug in a handler');
      });
      // An async handler whose work takes a moment (a store's write).
      socket.on('slow', async () => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        (socket.data as { slowDone?: boolean }).slowDone = true;
      });
    });
  },
};

describe('the boundary around lesson code', () => {
  let server: Running;
  /** Where each handler's error was logged: its event and namespace. */
  let failed: string[];
  beforeEach(async () => {
    server = await startApp();
    failed = [];
    const onHandlerError = (error: unknown, event: string, namespace: string) => {
      server.errors.push(error);
      failed.push(`${event} in ${namespace}`);
    };
    mountLesson(
      server.app.io.of('/faulty'),
      faulty,
      { onHandlerError, onFault: (error) => server.errors.push(error) },
      { history: memoryChatHistory(), counter: memoryCounters()('/faulty'), clear: async () => {} },
    );
  });
  afterEach(async () => {
    server.errors.length = 0; // this suite makes errors on purpose
    await server.close();
  });

  test("an async handler's automatic answer comes once its work is done, not before", async () => {
    const alice = await server.client('/faulty');
    assert.deepEqual(await alice.emitWithAck('slow'), { ok: true });
    const [socket] = await server.app.io.of('/faulty').fetchSockets();
    assert.equal((socket?.data as { slowDone?: boolean } | undefined)?.slowDone, true);
  });

  test('a handler that answers itself gets the ack, and its arguments were checked first', async () => {
    const alice = await server.client('/faulty');
    const bob = await server.client('/faulty');
    assert.deepEqual(await alice.emitWithAck('echo', 'hi'), { ok: true, text: 'hi' });
    assert.deepEqual(await alice.emitWithAck('echo', 'too long'), { ok: false, error: 'Too long.' });
    assert.deepEqual(await alice.emitWithAck('echo', 42), {
      ok: false,
      error: 'Invalid input: expected string, received number',
    });
    assert.deepEqual(await collect(bob, 'echoed'), []);
  });

  test('a throwing handler is logged, its client told, and the server goes on', async () => {
    const alice = await server.client('/faulty');
    const answer = await alice.emitWithAck('boom');
    assert.equal(answer.ok, false);
    assert.match(answer.error, /could not handle that/);
    assert.deepEqual(failed, ['boom in /faulty']);
    // Still serving: the same socket and a new one work.
    const seen = nextEvent(alice, 'echoed');
    const bob = await server.client('/faulty');
    assert.deepEqual(await bob.emitWithAck('echo', 'ok'), { ok: true, text: 'ok' });
    assert.equal(await seen, 'ok');
  });

  test('a throwing disconnect listener is logged with its event, and the server goes on', async () => {
    const alice = await server.client('/faulty', { badbye: true });
    alice.disconnect();
    await until(() => failed.length === 1, 'the disconnect listener logged');
    assert.deepEqual(failed, ['disconnect in /faulty']);
    const bob = await server.client('/faulty');
    assert.deepEqual(await bob.emitWithAck('echo', 'ok'), { ok: true, text: 'ok' });
  });

  test("a lesson's throwing middleware or connection listener is logged, its client refused politely, and the server goes on", async () => {
    await assert.rejects(server.client('/faulty', { explode: true }), /could not handle that/);
    const alice = await server.client('/faulty');
    const answer = await alice.emitWithAck('trip');
    assert.equal(answer.ok, false);
    assert.match(answer.error, /could not handle that/);
    await server.client('/faulty', { later: true });
    await until(() => server.errors.length >= 3, 'the third fault logged');
    assert.equal(server.errors.length, 3);
    assert.deepEqual(await alice.emitWithAck('echo', 'ok'), { ok: true, text: 'ok' });
  });

  test('unknown events are refused and counted', async () => {
    const alice = await server.client('/sockets-intro');
    const before = server.app.stats.unknownEvents;
    assert.equal((await alice.emitWithAck('no-such-event')).ok, false);
    alice.emit('another-one');
    await until(() => server.app.stats.unknownEvents === before + 2, 'both unknown events counted');
  });

  test('an event sent without an ack is still checked, and a refusal is silent', async () => {
    const alice = await server.client('/faulty');
    const bob = await server.client('/faulty');
    alice.emit('echo', 'far too long');
    alice.emit('boom');
    assert.deepEqual(await collect(bob, 'echoed'), []);
    assert.equal(server.errors.length, 1);
  });
});

describe('packets no client library sends', () => {
  let server: Running;
  beforeEach(async () => {
    server = await startApp();
  });
  afterEach(async () => {
    await server.close();
  });

  test('an event whose name is not a non-empty string is refused in its ack and counted, and the server goes on', async () => {
    const mallory = await rawClient(server.url);
    mallory.send('40/sockets-intro,');
    await mallory.next('40/sockets-intro,');
    // socket.io-parser lets a number through as an event's name (other non-strings close the connection).
    const names = ['123', '0', '-1', '1.5e300'];
    for (const [i, name] of names.entries()) mallory.send(`42/sockets-intro,${i + 1}[${name},"x"]`);
    for (const [i] of names.entries()) {
      const answer = await mallory.next(`43/sockets-intro,${i + 1}[`);
      assert.match(answer, /must be a non-empty string/);
    }
    assert.equal(server.app.stats.badEventNames, names.length);
    const alice = await server.client('/sockets-intro');
    assert.deepEqual(await alice.emitWithAck('increment'), { ok: true });
    mallory.close();
  });
});

test('an event the lesson declares but this namespace does not handle is refused in its ack, not left unanswered', async () => {
  const server = await startApp();
  try {
    // The lesson's own namespace of scaling-out has no handlers: its clients talk to the nodes under it.
    const alice = await server.client('/scaling-out');
    const answer = await alice.timeout(1000).emitWithAck('message:send', { text: 'hi' });
    assert.equal(answer.ok, false);
    assert.match(answer.error, /does not take it/);
  } finally {
    await server.close();
  }
});
