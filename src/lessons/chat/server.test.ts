import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Socket } from 'socket.io-client';
import {
  ROOM_LIST_DELAY_MS,
  type ChatMessage,
  type ChatUser,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from './contract.ts';
import { collect, connectNamed, nextEvent, settle, startApp, type Running } from '../../../test/harness.ts';

type ChatClient = Socket<ServerToClientEvents, ClientToServerEvents>;
const NSP = '/chat';

const texts = (messages: ChatMessage[]) => messages.map((m) => m.text);

describe('chat', () => {
  let server: Running;
  let ada: ChatClient, bo: ChatClient, cy: ChatClient;

  beforeEach(async () => {
    // History tests send faster than a person may: lift the limit here (the limit has its own test).
    server = await startApp({ rates: { message: { perSecond: 1000, burst: 1000 }, event: { perSecond: 1000, burst: 1000 } } });
    [ada, bo, cy] = (await connectNamed(server, NSP, ['ada', 'bo', 'cy'])) as [ChatClient, ChatClient, ChatClient];
  });
  afterEach(async () => {
    await server.close();
  });

  async function join(client: ChatClient, name: string, room: string): Promise<ChatMessage[]> {
    const answer = await client.emitWithAck('join', { name, room });
    assert.equal(answer.ok, true, JSON.stringify(answer));
    await settle(ROOM_LIST_DELAY_MS + 80); // the Online list follows a moment later
    return answer.ok ? answer.history : [];
  }

  test('a message reaches the others in the room, with the name, and not another room', async () => {
    await join(ada, 'Ada', 'lobby');
    await join(bo, 'Bo', 'lobby');
    await join(cy, 'Cy', 'games');
    const heard = Promise.all([ada, bo, cy].map((c) => collect<ChatMessage>(c, 'message')));
    const answer = await ada.emitWithAck('sendMessage', '  Hello lobby  ');
    assert.equal(answer.ok, true);
    const [a, b, c] = await heard;
    assert.deepEqual(a, [], 'the sender shows its own copy; the server does not send it back');
    assert.equal(b!.length, 1);
    assert.deepEqual(b![0], { id: answer.ok ? answer.id : -1, user: 'Ada', text: 'Hello lobby', at: b![0]!.at });
    assert.ok(Math.abs(b![0]!.at - Date.now()) < 5000);
    assert.deepEqual(c, []);
  });

  test('join and leave notices go to the others by broadcast, and Online follows', async () => {
    await join(ada, 'Ada', 'lobby');
    const joined = nextEvent<ChatMessage>(ada, 'message');
    const online = nextEvent<{ room: string; users: ChatUser[] }>(ada, 'roomData');
    const boHeard = collect<ChatMessage>(bo, 'message');
    await join(bo, 'Bo', 'lobby');
    assert.deepEqual((await online).users.map((u) => u.name), ['Ada', 'Bo']);
    assert.deepEqual(await boHeard, [], 'Bo does not get his own join notice');

    const left = nextEvent<ChatMessage>(ada, 'message');
    const stillOnline = nextEvent<{ room: string; users: ChatUser[] }>(ada, 'roomData');
    bo.disconnect();
    assert.deepEqual(await stillOnline, { room: 'lobby', users: [{ id: ada.id, name: 'Ada' }] });
    for (const [notice, text] of [[await joined, 'Bo joined'], [await left, 'Bo left']] as const) {
      assert.equal(notice.text, text);
      assert.equal('system' in notice && notice.system, true);
    }
  });

  test('a newcomer gets the last 50 messages of the room with the join ack, oldest first', async () => {
    await join(ada, 'Ada', 'lobby');
    for (let i = 1; i <= 55; i++) await ada.emitWithAck('sendMessage', `message ${i}`);
    const history = await join(bo, 'Bo', 'lobby');
    assert.equal(history.length, 50);
    assert.equal(history[0]!.text, 'message 6');
    assert.equal(history.at(-1)!.text, 'message 55');
    const ids = history.map((m) => m.id);
    assert.deepEqual(ids, [...ids].sort((x, y) => x - y), 'ids increase');
    assert.deepEqual(await join(cy, 'Cy', 'games'), [], 'another room has its own history');
  });

  test('a second join moves the user: a leave notice in the old room, a join notice in the new one', async () => {
    await join(ada, 'Ada', 'lobby');
    await join(bo, 'Bo', 'lobby');
    await join(cy, 'Cy', 'games');
    const inLobby = collect<ChatMessage>(bo, 'message');
    const inGames = collect<ChatMessage>(cy, 'message');
    const lobbyList = nextEvent<{ users: ChatUser[] }>(bo, 'roomData');
    const history = await join(ada, 'Ada', 'games');
    assert.deepEqual(texts(history), ['Cy joined'], 'the history of the room moved to');
    assert.deepEqual(texts(await inLobby), ['Ada left']);
    assert.deepEqual(texts(await inGames), ['Ada joined']);
    assert.deepEqual((await lobbyList).users.map((u) => u.name), ['Bo']);
    // Her name in the lobby is free again; in games it is hers.
    assert.equal((await cy.emitWithAck('join', { name: 'ada', room: 'lobby' })).ok, true);
    await join(cy, 'Cy', 'games');
    assert.equal((await bo.emitWithAck('join', { name: 'ADA', room: 'games' })).ok, false);
    // Ada's messages now go to games.
    const heard = collect<ChatMessage>(cy, 'message');
    const lobbyHeard = collect<ChatMessage>(bo, 'message');
    await ada.emitWithAck('sendMessage', 'hi games');
    assert.deepEqual(texts(await heard), ['hi games']);
    assert.deepEqual(await lobbyHeard, []);
  });

  test('every refusal answers with a sentence and changes nothing', async () => {
    await join(ada, 'Ada', 'lobby');
    await join(cy, 'Cy', 'games');
    const raw = bo as unknown as Socket;
    const cases: [string, unknown[], RegExp][] = [
      ['sendMessage', ['too early'], /Join a room before sending/],
      ['privateMessage', [{ to: ada.id, text: 'psst' }], /Join a room before sending/],
      ['typing', [true], /Join a room first/],
      ['join', [{ name: 'ADA', room: 'lobby' }], /already called ADA/],
      ['join', [{ name: ' ada ', room: 'lobby' }], /already called ada/],
      ['join', [{ name: '', room: 'lobby' }], /cannot be empty/],
      ['join', [{ name: '   ', room: 'lobby' }], /cannot be empty/],
      ['join', [{ name: 'x'.repeat(25), room: 'lobby' }], /at most 24 characters/],
      ['join', [{ name: 'Bo', room: '' }], /Choose a room/],
      ['join', [{ name: 'Bo', room: 'lobby\u0000ada' }], /room name cannot contain invisible or control characters/],
      ['join', [{ name: 'Bo' }], /room must be a string/],
      ['join', ['Bo'], /\{ name, room \}/],
    ];
    for (const [event, args, error] of cases) {
      const heard = Promise.all([ada, cy].map((c) => collect(c, 'message')));
      const lists = collect(ada, 'roomData');
      const answer = await raw.emitWithAck(event, ...args);
      assert.equal(answer.ok, false, `${event} ${JSON.stringify(args)}`);
      assert.match(answer.error, error, `${event} ${JSON.stringify(args)}`);
      assert.deepEqual(await heard, [[], []], `${event} ${JSON.stringify(args)} reached someone`);
      assert.deepEqual(await lists, [], `${event} ${JSON.stringify(args)} changed Online`);
    }
  });

  test('a crowd arriving at once gets one Online list with everyone, not one list per arrival', async () => {
    await join(ada, 'Ada', 'lobby');
    const lists = collect<{ users: ChatUser[] }>(ada, 'roomData', ROOM_LIST_DELAY_MS * 3);
    const crowd = await Promise.all(Array.from({ length: 10 }, () => server.client<ServerToClientEvents, ClientToServerEvents>(NSP)));
    await Promise.all(crowd.map((c, i) => c.emitWithAck('join', { name: `Guest${i}`, room: 'lobby' })));
    const seen = await lists;
    assert.ok(seen.length <= 2, `${seen.length} lists for 10 arrivals`);
    assert.equal(seen.at(-1)!.users.length, 11);
  });

  test('message length: 500 characters pass, 501 and empty are refused', async () => {
    await join(ada, 'Ada', 'lobby');
    assert.equal((await ada.emitWithAck('sendMessage', 'x'.repeat(500))).ok, true);
    assert.deepEqual(await ada.emitWithAck('sendMessage', 'x'.repeat(501)), {
      ok: false,
      error: 'The text can be at most 500 characters.',
    });
    assert.deepEqual(await ada.emitWithAck('sendMessage', '  '), { ok: false, error: 'The text cannot be empty.' });
  });

  test('a private message reaches the recipient and the sender only; a stranger is refused', async () => {
    await join(ada, 'Ada', 'lobby');
    await join(bo, 'Bo', 'lobby');
    await join(cy, 'Cy', 'lobby');
    const heard = Promise.all([ada, bo, cy].map((c) => collect<ChatMessage>(c, 'message')));
    const answer = await ada.emitWithAck('privateMessage', { to: bo.id!, text: 'just you' });
    assert.equal(answer.ok, true);
    const [a, b, c] = await heard;
    const expected = { id: answer.ok ? answer.id : -1, user: 'Ada', text: 'just you', private: true, to: 'Bo' };
    assert.deepEqual(a!.map(({ at: _, ...m }) => m), [expected]);
    assert.deepEqual(b!.map(({ at: _, ...m }) => m), [expected]);
    assert.deepEqual(c, []);

    const games = await server.client<ServerToClientEvents, ClientToServerEvents>(NSP);
    await join(games, 'Di', 'games');
    for (const to of ['not-a-socket', games.id!]) {
      assert.deepEqual(await ada.emitWithAck('privateMessage', { to, text: 'hello?' }), {
        ok: false,
        error: 'That person is not in this room (any more).',
      });
    }
  });

  test('typing is shown to the others, stops on send, and stops by itself after 3 seconds', async () => {
    await join(ada, 'Ada', 'lobby');
    await join(bo, 'Bo', 'lobby');
    await join(cy, 'Cy', 'games');
    const games = collect(cy, 'typing', 200);

    let seen = nextEvent(bo, 'typing');
    await ada.emitWithAck('typing', true);
    assert.deepEqual(await seen, { user: 'Ada', typing: true });
    seen = nextEvent(bo, 'typing');
    await ada.emitWithAck('sendMessage', 'done typing');
    assert.deepEqual(await seen, { user: 'Ada', typing: false });
    assert.deepEqual(await games, [], 'another room sees no typing');

    await settle();
    const notices: { user: string; typing: boolean }[] = [];
    const stopped = new Promise<void>((resolve) =>
      bo.on('typing', (notice) => notices.push(notice) && !notice.typing && resolve()),
    );
    const started = Date.now();
    await ada.emitWithAck('typing', true);
    await ada.emitWithAck('typing', true); // still typing: no second notice, the timer restarts
    await stopped;
    const waited = Date.now() - started;
    assert.deepEqual(notices, [{ user: 'Ada', typing: true }, { user: 'Ada', typing: false }]);
    assert.ok(waited >= 2900 && waited < 4500, `stopped after ${waited} ms`);
  });

  test('a typist who disconnects stops typing for the others', async () => {
    await join(ada, 'Ada', 'lobby');
    await join(bo, 'Bo', 'lobby');
    await ada.emitWithAck('typing', true);
    await settle();
    const seen = nextEvent(bo, 'typing');
    ada.disconnect();
    assert.deepEqual(await seen, { user: 'Ada', typing: false });
  });
});
