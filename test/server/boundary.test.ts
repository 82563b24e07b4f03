import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { z } from 'zod';
import { mountLesson } from '../../src/server/plumbing/mount.ts';
import { memoryCounters } from '../../src/server/storage/counter.ts';
import { memoryChatHistory } from '../../src/server/storage/chat-history.ts';
import type { AnyNamespace } from '../../src/server/plumbing/types.ts';
import { collect, nextEvent, settle, startApp, type Running } from '../harness.ts';

/** A made-up lesson with a handler that answers itself and one with a bug. */
const faulty = {
  contract: {
    slug: 'faulty',
    clientEvents: {
      echo: { args: z.tuple([z.string().max(5, 'Too long.')]), answers: true },
      boom: { args: z.tuple([]) },
    },
  },
  register(io: AnyNamespace) {
    io.on('connection', (socket) => {
      socket.on('echo', (text: string, ack: (r: object) => void) => {
        io.emit('echoed', text);
        ack({ ok: true, text });
      });
      socket.on('boom', () => {
        throw new Error('a bug in a handler');
      });
    });
  },
};

describe('the boundary around lesson code', () => {
  let server: Running;
  beforeEach(async () => {
    server = await startApp();
    mountLesson(
      server.app.io.of('/faulty'),
      faulty,
      { onHandlerError: (error) => server.errors.push(error) },
      { history: memoryChatHistory(), counter: memoryCounters()('/faulty'), clear: async () => {} },
    );
  });
  afterEach(async () => {
    server.errors.length = 0; // this suite makes errors on purpose
    await server.close();
  });

  test('a handler that answers itself gets the ack, and its arguments were checked first', async () => {
    const alice = await server.client('/faulty');
    const bob = await server.client('/faulty');
    assert.deepEqual(await alice.emitWithAck('echo', 'hi'), { ok: true, text: 'hi' });
    assert.deepEqual(await alice.emitWithAck('echo', 'too long'), { ok: false, error: 'Too long.' });
    assert.deepEqual(await alice.emitWithAck('echo', 42), { ok: false, error: 'Invalid input: expected string, received number' });
    assert.deepEqual(await collect(bob, 'echoed'), []);
  });

  test('a throwing handler is logged, its client told, and the server goes on', async () => {
    const alice = await server.client('/faulty');
    const answer = await alice.emitWithAck('boom');
    assert.equal(answer.ok, false);
    assert.match(answer.error, /could not handle that/);
    assert.equal(server.errors.length, 1);
    // Still serving: the same socket and a new one work.
    const seen = nextEvent(alice, 'echoed');
    const bob = await server.client('/faulty');
    assert.deepEqual(await bob.emitWithAck('echo', 'ok'), { ok: true, text: 'ok' });
    assert.equal(await seen, 'ok');
  });

  test('unknown events are refused and counted', async () => {
    const alice = await server.client('/sockets-intro');
    const before = server.app.stats.unknownEvents;
    assert.equal((await alice.emitWithAck('no-such-event')).ok, false);
    alice.emit('another-one');
    await settle();
    assert.equal(server.app.stats.unknownEvents, before + 2);
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
