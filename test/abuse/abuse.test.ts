import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { io, type Socket } from 'socket.io-client';
import { RATES } from '../../src/server/plumbing/rate-limit.ts';
import { connected, nextEvent, type Running, settle, startApp } from '../harness.ts';

/**
 * What strangers might send. Each case attacks one way; after each one the
 * server must still serve, and the bystanders (one honest client in every
 * namespace, the chat ones in a room) must have seen nothing they should not.
 */
const TOKEN = 'abuse-suite-instructor-token';
const LESSONS = ['/sockets-intro', '/emit-vs-broadcast', '/rooms', '/chat'];

type Attack = (server: Running) => Promise<void>;
interface Case {
  name: string;
  attack: Attack;
  /** Events a bystander may see because of this case (by default: new client lists and join notices, never a message). */
  allowed?: string[];
}

/** Sends `event` with `args` on `namespace` and expects a refusal in the ack. */
const refused =
  (namespace: string, event: string, ...args: unknown[]): Attack =>
  async (server) => {
    const socket = await server.client(namespace, { name: 'Mallory' });
    if (namespace === '/chat' && event !== 'join') await socket.emitWithAck('join', { name: 'Mallory', room: 'lobby' });
    const answer = await socket.timeout(2000).emitWithAck(event, ...args);
    assert.equal(answer.ok, false, `${event} ${JSON.stringify(args).slice(0, 80)} was accepted`);
    assert.equal(typeof answer.error, 'string');
    assert.ok(answer.error.length > 5 && answer.error.length < 200, `a sentence, not a dump: ${answer.error}`);
    socket.disconnect();
  };

/** The handshake itself is refused with a message. */
const handshakeRefused =
  (namespace: string, auth: object, message?: RegExp): Attack =>
  async (server) => {
    await assert.rejects(server.client(namespace, auth), message ?? /./);
  };

const long = (n: number) => 'x'.repeat(n);
const nested = (depth: number): unknown => (depth === 0 ? 'deep' : { a: nested(depth - 1) });

const cases: Case[] = [
  // Wrong types
  ...[42, null, true, [], ['hi'], 'text', { text: 42 }, { text: null }, { text: ['a'] }, { text: { a: 1 } }].map(
    (payload): Case => ({
      name: `emit:all with ${JSON.stringify(payload)}`,
      attack: refused('/emit-vs-broadcast', 'emit:all', payload),
    }),
  ),
  { name: 'rooms join with a number', attack: refused('/rooms', 'IO_CLIENT_JOIN_ROOM', 7) },
  { name: 'rooms join with an object', attack: refused('/rooms', 'IO_CLIENT_JOIN_ROOM', { room: 'red' }) },
  { name: 'chat typing with a string', attack: refused('/chat', 'typing', 'yes') },
  { name: 'chat message as an object', attack: refused('/chat', 'sendMessage', { text: 'hi' }) },
  { name: 'chat message as binary', attack: refused('/chat', 'sendMessage', Buffer.from('hi')) },
  { name: 'thanks with a number', attack: refused('/sockets-intro', 'thanks', 1) },
  { name: 'a deeply nested payload', attack: refused('/emit-vs-broadcast', 'emit:self', nested(200)) },
  // Missing fields
  { name: 'emit:to without to', attack: refused('/emit-vs-broadcast', 'emit:to', { text: 'hi' }) },
  { name: 'emit:to without text', attack: refused('/emit-vs-broadcast', 'emit:to', { to: 'x' }) },
  { name: 'emit:all without anything', attack: refused('/emit-vs-broadcast', 'emit:all') },
  { name: 'chat join without a room', attack: refused('/chat', 'join', { name: 'Mallory' }) },
  { name: 'chat join without a name', attack: refused('/chat', 'join', { room: 'lobby' }) },
  { name: 'private message without a recipient', attack: refused('/chat', 'privateMessage', { text: 'psst' }) },
  // Extra arguments
  { name: 'increment with an argument', attack: refused('/sockets-intro', 'increment', 'by 1000') },
  { name: 'hello with two arguments', attack: refused('/rooms', 'IO_CLIENT_HELLO', 'a', 'b') },
  // Huge payloads (the frame limit itself has its own test)
  { name: 'a 10 KB chat message', attack: refused('/chat', 'sendMessage', long(10_000)) },
  { name: 'a 501-character broadcast', attack: refused('/emit-vs-broadcast', 'emit:others', { text: long(501) }) },
  { name: 'a 10 KB room name', attack: refused('/rooms', 'IO_CLIENT_JOIN_ROOM', long(10_000)) },
  { name: 'a 25-character chat name', attack: refused('/chat', 'join', { name: long(25), room: 'lobby' }) },
  // Unknown and forged events
  ...['reset', '__proto__', 'constructor', 'hasOwnProperty', 'disconnect_me', 'number:change', 'message'].map(
    (event): Case => ({
      name: `unknown event "${event}"`,
      attack: refused('/emit-vs-broadcast', event, { text: 'x' }),
    }),
  ),
  ...LESSONS.map(
    (namespace): Case => ({
      name: `class:create forged on ${namespace}`,
      attack: refused(namespace, 'class:create', { title: 'mine' }),
    }),
  ),
  { name: 'class:end forged on a lesson', attack: refused('/chat', 'class:end', { code: 'ABCDEF' }) },
  // The instructor namespace without the right token
  { name: 'instructor without a token', attack: handshakeRefused('/instructor', {}, /unauthorized/) },
  {
    name: 'instructor with a wrong token',
    attack: handshakeRefused('/instructor', { token: 'guess' }, /unauthorized/),
  },
  {
    name: 'instructor with a token of the wrong type',
    attack: handshakeRefused('/instructor', { token: { $ne: null } }, /unauthorized/),
  },
  // Guessed class namespaces
  { name: 'a guessed class code', attack: handshakeRefused('/class/ABCDEF/chat', {}, /unknown class/) },
  { name: 'a lowercase class code', attack: handshakeRefused('/class/abcdef/rooms', {}, /unknown class/) },
  {
    name: 'a class presence guess',
    attack: handshakeRefused('/class/ZZZZZZ', { name: 'M', key: 'k'.repeat(20) }, /unknown class/),
  },
  { name: 'a namespace that is no lesson', attack: handshakeRefused('/admin', {}) },
  { name: 'a path-like namespace', attack: handshakeRefused('/class/../chat', {}) },
  // Names with unicode tricks
  {
    name: 'a right-to-left override in a name',
    attack: handshakeRefused('/emit-vs-broadcast', { name: 'evil\u202Egnp.exe' }, /invisible/),
  },
  { name: 'a zero-width name', attack: handshakeRefused('/emit-vs-broadcast', { name: '\u200B\u200B' }, /invisible/) },
  { name: 'a name with a newline', attack: handshakeRefused('/rooms', { name: 'Ada\nAdmin' }, /control/) },
  { name: 'a name with a bell', attack: handshakeRefused('/rooms', { name: 'Ada\u0007' }, /control/) },
  { name: 'a name of spaces', attack: handshakeRefused('/rooms', { name: '     ' }, /empty/) },
  { name: 'a name that is a number', attack: handshakeRefused('/rooms', { name: 12345 }, /text/) },
  { name: 'a chat join with a zero-width name', attack: refused('/chat', 'join', { name: '\u200B', room: 'lobby' }) },
  {
    name: 'a chat join with a byte-order mark inside',
    attack: refused('/chat', 'join', { name: 'A\uFEFFda', room: 'lobby' }),
  },
  // Floods
  {
    name: 'a flood of 200 increments',
    allowed: ['number:change'],
    attack: async (server) => {
      const socket = await server.client('/sockets-intro');
      const answers = await Promise.all(
        Array.from({ length: 200 }, () => socket.timeout(3000).emitWithAck('increment')),
      );
      assert.ok(answers.some((a) => !a.ok && a.error === 'Too many messages, slow down'));
      socket.disconnect();
    },
  },
  {
    name: 'a flood of 100 chat messages',
    allowed: ['message', 'roomData', 'notice'],
    attack: async (server) => {
      const socket = await server.client('/chat');
      await socket.emitWithAck('join', { name: 'Flooder', room: 'spam' });
      const answers = await Promise.all(
        Array.from({ length: 100 }, (_, i) => socket.timeout(3000).emitWithAck('sendMessage', `spam ${i}`)),
      );
      assert.ok(answers.filter((a) => a.ok).length <= RATES.message.burst);
      socket.disconnect();
    },
  },
  {
    name: 'a flood of connections from one address',
    allowed: ['clients'],
    attack: async (server) => {
      const sockets = Array.from({ length: 40 }, () =>
        server.open('/emit-vs-broadcast', { name: 'Crowd' }, '127.0.66.66'),
      );
      await Promise.allSettled(sockets.map((s) => connected(s)));
      for (const s of sockets) s.disconnect();
    },
  },
  // Text that looks like code is kept as it is: the pages render it as text
  {
    name: 'an XSS string goes through as plain text',
    allowed: ['message', 'clients'],
    attack: async (server) => {
      const socket = await server.client('/emit-vs-broadcast', { name: 'Mallory' });
      const xss = '<img src=x onerror=alert(1)><script>alert(2)</script>';
      const echo = nextEvent<{ text: string }>(socket, 'message');
      assert.deepEqual(await socket.emitWithAck('emit:all', { text: xss }), { ok: true });
      assert.equal((await echo).text, xss);
      socket.disconnect();
    },
  },
  {
    name: 'extra fields are dropped, not passed on',
    allowed: ['message', 'clients'],
    attack: async (server) => {
      const socket = await server.client('/emit-vs-broadcast', { name: 'Mallory' });
      const echo = nextEvent<Record<string, unknown>>(socket, 'message');
      await socket.emitWithAck('emit:all', {
        text: 'hi',
        from: { id: 'spoofed', name: 'Admin' },
        kind: 'self',
        __proto__: { polluted: true },
      });
      const message = await echo;
      assert.deepEqual(message.from, { id: socket.id, name: 'Mallory' });
      assert.equal(message.kind, 'all');
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      socket.disconnect();
    },
  },
  {
    name: 'a bad Origin is refused',
    attack: async (server) => {
      const socket = io(`${server.url}/chat`, {
        extraHeaders: { origin: 'https://evil.example' },
        transports: ['polling'],
        reconnection: false,
        forceNew: true,
      });
      await assert.rejects(connected(socket));
      socket.disconnect();
    },
  },
];

describe('abuse', () => {
  let server: Running;
  const bystanders: { namespace: string; socket: Socket; seen: string[] }[] = [];

  before(async () => {
    server = await startApp({ instructorToken: TOKEN, maxConnectionsPerIp: 30 });
    for (const namespace of LESSONS) {
      const socket = await server.client(namespace, { name: 'Bystander' });
      if (namespace === '/chat') await socket.emitWithAck('join', { name: 'Bystander', room: 'lobby' });
      const seen: string[] = [];
      // Join and leave notices are fine; a person's message from an attack is not.
      socket.onAny((event, payload) => seen.push(event === 'message' && payload?.system ? 'notice' : event));
      bystanders.push({ namespace, socket, seen });
    }
    await settle();
  });
  after(async () => {
    await server.close();
  });

  test('there are at least 50 cases', () => assert.ok(cases.length >= 50, `${cases.length} cases`));

  for (const { name, attack, allowed = ['clients', 'IO_SERVER_ROOMS', 'roomData', 'notice'] } of cases) {
    test(name, async () => {
      for (const b of bystanders) b.seen.length = 0;
      await attack(server);
      await settle(120);
      // The server still serves: a new client gets the count.
      const probe = server.open('/sockets-intro');
      assert.equal(typeof (await nextEvent(probe, 'number:change')), 'number');
      probe.disconnect();
      // Bystanders saw only what this kind of case may cause.
      for (const b of bystanders) {
        const unexpected = b.seen.filter((event) => !allowed.includes(event) && event !== 'number:change');
        assert.deepEqual(unexpected, [], `${b.namespace} saw ${unexpected.join(', ')}`);
      }
    });
  }
});
