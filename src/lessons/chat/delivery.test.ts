import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { io as connect, type Socket } from 'socket.io-client';
import type { ChatMessage, ClientToServerEvents, ServerToClientEvents } from './contract.ts';
import { chatters, collect, connected, nextEvent, startApp, type Running } from '../../../test/harness.ts';

type ChatClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Drops the connection as a network would (the client will reconnect by itself). */
function drop(client: Socket) {
  client.io.engine.close();
}

describe('chat: nothing lost', () => {
  let server: Running;
  let ada: ChatClient, bo: ChatClient;

  beforeEach(async () => {
    server = await startApp({ rates: { message: { perSecond: 1000, burst: 1000 }, event: { perSecond: 1000, burst: 1000 } } });
    [ada, bo] = (await chatters(server, ['Ada', 'Bo'])) as [ChatClient, ChatClient];
  });
  afterEach(async () => {
    await server.close();
  });

  test('a chatter who drops and is back within two minutes gets what was said meanwhile, in order, still in the room', async () => {
    const adaHeard: ChatMessage[] = [];
    ada.on('message', (message) => adaHeard.push(message));
    const boHeard = collect<ChatMessage>(bo, 'message', 2500);
    const gone = nextEvent(ada, 'disconnect');
    drop(ada);
    await gone;
    for (const text of ['one', 'two', 'three']) assert.equal((await bo.emitWithAck('sendMessage', text)).ok, true);

    await nextEvent(ada, 'connect', 5000);
    assert.equal(ada.recovered, true, 'the connection state was recovered');
    assert.deepEqual(
      adaHeard.filter((m) => !('system' in m)).map((m) => m.text),
      ['one', 'two', 'three'],
    );
    // Still in the room, without joining again: its message reaches Bo.
    assert.equal((await ada.emitWithAck('sendMessage', 'I am back')).ok, true);
    assert.deepEqual(
      (await boHeard).map((m) => m.text),
      ['Ada left', 'Ada is back', 'I am back'],
    );
  });

  test('a chatter back too late joins again with the last id it saw and gets what came after (and what came shortly before, which a page skips)', async () => {
    const first = await bo.emitWithAck('sendMessage', 'before');
    assert.equal(first.ok, true);
    ada.disconnect();
    await bo.emitWithAck('sendMessage', 'missed 1');
    await bo.emitWithAck('sendMessage', 'missed 2');

    const again = (await server.client('/chat')) as ChatClient;
    const answer = await again.emitWithAck('join', { name: 'Ada', room: 'lobby', after: first.ok ? first.id : 0 });
    assert.equal(answer.ok, true);
    const history: ChatMessage[] = answer.ok ? answer.history : [];
    const seenId = first.ok ? first.id : 0;
    assert.deepEqual(history.filter((m) => m.id > seenId).map((m) => m.text), ['Ada left', 'missed 1', 'missed 2']);
    // Earlier ones, in a cluster possibly stored after the one it saw, come too; not the one it saw.
    assert.ok(history.every((m) => m.id !== seenId));
  });

  test('a retried message (same client id) is stored once, with the same receipt, and sent again under its one id', async () => {
    const boHeard = collect<ChatMessage>(bo, 'message', 300);
    const first = await ada.emitWithAck('sendMessage', 'only once', 'c-123');
    const retry = await ada.emitWithAck('sendMessage', 'only once', 'c-123');
    assert.equal(first.ok && retry.ok, true);
    assert.deepEqual(retry, first);
    // The first try may have died before its broadcast (a crashed server): it goes out again,
    // with the same id, which a page that has it skips.
    const heard = await boHeard;
    assert.deepEqual([...new Set(heard.map((m) => `${m.id} ${m.text}`))], [`${first.ok && first.id} only once`]);

    const cy = (await server.client('/chat')) as ChatClient;
    const joined = await cy.emitWithAck('join', { name: 'Cy', room: 'lobby' });
    const stored = joined.ok ? joined.history.filter((m: ChatMessage) => m.text === 'only once') : [];
    assert.equal(stored.length, 1);
  });

  test('a bad client message id is refused and nothing is sent', async () => {
    const boHeard = collect<ChatMessage>(bo, 'message');
    for (const bad of ['', 'x'.repeat(65), 'has space', 42, { id: 1 }]) {
      const answer = await ada.emitWithAck('sendMessage', 'hello', bad as string);
      assert.equal(answer.ok, false, JSON.stringify(bad));
      assert.match(answer.ok ? '' : answer.error, /client message id/);
    }
    assert.deepEqual(await boHeard, []);
  });

  test('nobody can join the room of another socket to overhear its private messages', async () => {
    const eve = (await server.client('/chat')) as ChatClient;
    const answer = await eve.emitWithAck('join', { name: 'Eve', room: bo.id! });
    assert.deepEqual(answer, { ok: false, error: 'That name is not free for a room: pick another.' });
    // A private message must name a socket, not a room full of them.
    const heard = Promise.all([ada, bo].map((c) => collect<ChatMessage>(c, 'message')));
    const toRoom = await ada.emitWithAck('privateMessage', { to: 'lobby', text: 'psst' });
    assert.equal(toRoom.ok, false);
    assert.deepEqual(await heard, [[], []]);
  });
});

describe('shutdown', () => {
  test('clients hear that the server is closing, then lose the connection and try to come back', async () => {
    const server = await startApp();
    const ada = server.open('/sockets-intro', { name: 'Ada' });
    // Long-polling gets the notice with its next request: the server waits for it.
    const polling = connect(`${server.url}/chat`, { transports: ['polling'], forceNew: true });
    await connected(ada);
    await connected(polling);
    const heard = [ada, polling].map((client) => nextEvent<{ message: string }>(client, 'server:closing'));
    const reason = nextEvent<string>(ada, 'disconnect');
    await server.app.close();
    const [notice] = await Promise.all(heard);
    assert.match(notice!.message, /shutting down/);
    assert.equal(await reason, 'transport close', 'a reason the client reconnects after');
    assert.equal(ada.active, true, 'it keeps trying to reconnect');
    ada.disconnect();
    polling.disconnect();
  });
});
