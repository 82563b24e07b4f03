import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import {
  CONTRACT_SERVERS,
  type ContractServer,
} from '../../../test/contract-harness.ts';
import { collect, nextEvent, settle } from '../../../test/events.ts';
import {
  type ChatMessage,
  type ChatUser,
  type ClientToServerEvents,
  ROOM_LIST_DELAY_MS,
  type ServerToClientEvents,
} from './contract.ts';
import {
  type ChatClient,
  drop,
  join,
  LIFTED_RATES,
  leaveAll,
  NSP,
  openThree,
  type Refusal,
  refusedQuietly,
} from './test-helpers.ts';

// The lesson's contract: on Node against the companion app, and in a browser
// page against this lesson's own server.ts (e2e/fidelity.spec.ts).

const texts = (messages: ChatMessage[]) => messages.map((m) => m.text);

for (const servers of CONTRACT_SERVERS)
  describe(`chat ${servers.name}`, () => {
    let server: ContractServer;
    let ada: ChatClient, bo: ChatClient, cy: ChatClient;

    beforeEach(async () => {
      server = await servers.start({ rates: LIFTED_RATES });
      [ada, bo, cy] = await openThree(server);
      opened.push(ada, bo, cy);
    });
    afterEach(async () => {
      await leaveAll(opened);
      await server.close();
    });

    const opened: ChatClient[] = [];
    /** One more chatter. */
    async function newClient() {
      const client = await server.client<ServerToClientEvents, ClientToServerEvents>(
        NSP,
      );
      opened.push(client);
      return client;
    }

    test('a message reaches the others in the room, with the name, and not another room', async () => {
      await join(ada, 'Ada', 'lobby');
      await join(bo, 'Bo', 'lobby');
      await join(cy, 'Cy', 'games');
      const heard = Promise.all(
        [ada, cy].map((c) => collect<ChatMessage>(c, 'message', 300)),
      );
      const boHeard = nextEvent<ChatMessage>(bo, 'message');
      const answer = await ada.emitWithAck('sendMessage', '  Hello lobby  ');
      assert.equal(answer.ok, true);
      const b = await boHeard;
      assert.deepEqual(b, {
        id: answer.ok ? answer.id : -1,
        user: 'Ada',
        text: 'Hello lobby',
        at: b.at,
      });
      assert.ok(Math.abs(b.at - Date.now()) < 5000);
      const [a, c] = await heard;
      assert.deepEqual(
        a,
        [],
        'the sender shows its own copy; the server does not send it back',
      );
      assert.deepEqual(c, []);
    });

    test('join and leave notices go to the others by broadcast, and Online follows', async () => {
      await join(ada, 'Ada', 'lobby');
      const joined = nextEvent<ChatMessage>(ada, 'message');
      const online = nextEvent<{ room: string; users: ChatUser[] }>(ada, 'roomData');
      const boHeard = collect<ChatMessage>(bo, 'message');
      await join(bo, 'Bo', 'lobby');
      // In no set order: each server lists its own sockets first.
      assert.deepEqual((await online).users.map((u) => u.name).sort(), ['Ada', 'Bo']);
      assert.deepEqual(await boHeard, [], 'Bo does not get his own join notice');

      const left = nextEvent<ChatMessage>(ada, 'message');
      const stillOnline = nextEvent<{ room: string; users: ChatUser[] }>(
        ada,
        'roomData',
      );
      bo.disconnect();
      assert.deepEqual(await stillOnline, {
        room: 'lobby',
        users: [{ id: ada.id, name: 'Ada' }],
      });
      for (const [notice, text] of [
        [await joined, 'Bo joined'],
        [await left, 'Bo left'],
      ] as const) {
        assert.equal(notice.text, text);
        assert.equal('system' in notice && notice.system, true);
      }
    });

    test('a newcomer gets the last 50 messages of the room with the join ack, oldest first', async () => {
      await join(ada, 'Ada', 'lobby');
      for (let i = 1; i <= 55; i++)
        await ada.emitWithAck('sendMessage', `message ${i}`);
      const history = await join(bo, 'Bo', 'lobby');
      assert.equal(history.length, 50);
      assert.equal(history[0]!.text, 'message 6');
      assert.equal(history.at(-1)!.text, 'message 55');
      const ids = history.map((m) => m.id);
      assert.deepEqual(
        ids,
        [...ids].sort((x, y) => x - y),
        'ids increase',
      );
      assert.deepEqual(
        await join(cy, 'Cy', 'games'),
        [],
        'another room has its own history',
      );
    });

    test('a second join moves the user: a leave notice in the old room, a join notice in the new one', async () => {
      await join(ada, 'Ada', 'lobby');
      await join(bo, 'Bo', 'lobby');
      await join(cy, 'Cy', 'games');
      const inLobby = nextEvent<ChatMessage>(bo, 'message');
      const inGames = nextEvent<ChatMessage>(cy, 'message');
      const lobbyList = nextEvent<{ users: ChatUser[] }>(bo, 'roomData');
      const history = await join(ada, 'Ada', 'games');
      assert.deepEqual(
        texts(history),
        ['Cy joined'],
        'the history of the room moved to',
      );
      assert.equal((await inLobby).text, 'Ada left');
      assert.equal((await inGames).text, 'Ada joined');
      assert.deepEqual(
        (await lobbyList).users.map((u) => u.name),
        ['Bo'],
      );
      // Her name in the lobby is free again; in games it is hers.
      assert.equal(
        (await cy.emitWithAck('join', { name: 'ada', room: 'lobby' })).ok,
        true,
      );
      await join(cy, 'Cy', 'games');
      assert.equal(
        (await bo.emitWithAck('join', { name: 'ADA', room: 'games' })).ok,
        false,
      );
      // Ada's messages now go to games.
      const heard = nextEvent<ChatMessage>(cy, 'message');
      const lobbyHeard = collect<ChatMessage>(bo, 'message', 300);
      await ada.emitWithAck('sendMessage', 'hi games');
      assert.equal((await heard).text, 'hi games');
      assert.deepEqual(await lobbyHeard, []);
    });

    test('sending, a private message or typing before joining, and a name taken in the room (whatever its case or spaces), are refused with a sentence and change nothing', async () => {
      await join(ada, 'Ada', 'lobby');
      await join(cy, 'Cy', 'games');
      const cases: Refusal[] = [
        ['sendMessage', ['too early'], /Join a room before sending/],
        [
          'privateMessage',
          [{ to: ada.id, text: 'psst' }],
          /Join a room before sending/,
        ],
        ['typing', [true], /Join a room first/],
        ['join', [{ name: 'ADA', room: 'lobby' }], /already called ADA/],
        ['join', [{ name: ' ada ', room: 'lobby' }], /already called ada/],
      ];
      await refusedQuietly(bo, [ada, cy], cases);
    });

    test('a crowd arriving at once gets one Online list with everyone, not one list per arrival', async () => {
      await join(ada, 'Ada', 'lobby');
      const lists = collect<{ users: ChatUser[] }>(
        ada,
        'roomData',
        ROOM_LIST_DELAY_MS * 4,
      );
      const crowd = await Promise.all(Array.from({ length: 10 }, newClient));
      await Promise.all(
        crowd.map((c, i) =>
          c.emitWithAck('join', { name: `Guest${i}`, room: 'lobby' }),
        ),
      );
      const seen = await lists;
      assert.ok(seen.length <= 2, `${seen.length} lists for 10 arrivals`);
      assert.equal(seen.at(-1)!.users.length, 11);
    });

    test('a private message reaches the recipient and the sender only; a stranger is refused', async () => {
      await join(ada, 'Ada', 'lobby');
      await join(bo, 'Bo', 'lobby');
      await join(cy, 'Cy', 'lobby');
      const heard = Promise.all(
        [ada, bo].map((c) => nextEvent<ChatMessage>(c, 'message')),
      );
      const cyHeard = collect<ChatMessage>(cy, 'message', 300);
      const answer = await ada.emitWithAck('privateMessage', {
        to: bo.id!,
        text: 'just you',
      });
      assert.equal(answer.ok, true);
      const expected = {
        id: answer.ok ? answer.id : -1,
        user: 'Ada',
        text: 'just you',
        private: true,
        to: 'Bo',
      };
      for (const { at: _, ...message } of await heard)
        assert.deepEqual(message, expected);
      assert.deepEqual(await cyHeard, []);

      const games = await newClient();
      await join(games, 'Di', 'games');
      for (const to of ['not-a-socket', games.id!]) {
        assert.deepEqual(
          await ada.emitWithAck('privateMessage', { to, text: 'hello?' }),
          {
            ok: false,
            error: 'That person is not in this room (any more).',
          },
        );
      }
    });

    test('typing is shown to the others, stops on send, and stops by itself after 3 seconds', async () => {
      await join(ada, 'Ada', 'lobby');
      await join(bo, 'Bo', 'lobby');
      await join(cy, 'Cy', 'games');
      const games = collect(cy, 'typing', 400);

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
        bo.on(
          'typing',
          (notice) => notices.push(notice) && !notice.typing && resolve(),
        ),
      );
      const started = Date.now();
      await ada.emitWithAck('typing', true);
      await ada.emitWithAck('typing', true); // still typing: no second notice, the timer restarts
      await stopped;
      const waited = Date.now() - started;
      assert.deepEqual(notices, [
        { user: 'Ada', typing: true },
        { user: 'Ada', typing: false },
      ]);
      assert.ok(waited >= 2900 && waited < 4500, `stopped after ${waited} ms`);
    });

    test('a typist who disconnects stops typing for the others', async () => {
      await join(ada, 'Ada', 'lobby');
      await join(bo, 'Bo', 'lobby');
      const typing = nextEvent(bo, 'typing');
      await ada.emitWithAck('typing', true);
      await typing;
      const seen = nextEvent(bo, 'typing');
      ada.disconnect();
      assert.deepEqual(await seen, { user: 'Ada', typing: false });
    });

    test('nobody can join the room of another socket to overhear its private messages', async () => {
      await join(ada, 'Ada', 'lobby');
      await join(bo, 'Bo', 'lobby');
      const eve = await newClient();
      const answer = await eve.emitWithAck('join', { name: 'Eve', room: bo.id! });
      assert.deepEqual(answer, {
        ok: false,
        error: 'That name is not free for a room: pick another.',
      });
      // A private message must name a socket, not a room full of them.
      const heard = Promise.all(
        [ada, bo].map((c) => collect<ChatMessage>(c, 'message', 300)),
      );
      const toRoom = await ada.emitWithAck('privateMessage', {
        to: 'lobby',
        text: 'psst',
      });
      assert.equal(toRoom.ok, false);
      assert.deepEqual(await heard, [[], []]);
    });

    test('a chatter whose connection drops is announced as gone, joins again, and the history shows what was said meanwhile', async () => {
      await join(ada, 'Ada', 'lobby');
      await join(bo, 'Bo', 'lobby');
      const left = nextEvent<ChatMessage>(bo, 'message');
      const gone = nextEvent(ada, 'disconnect');
      drop(ada);
      await gone;
      assert.equal((await left).text, 'Ada left');
      assert.equal(
        (await bo.emitWithAck('sendMessage', 'while you were away')).ok,
        true,
      );

      await nextEvent(ada, 'connect', 5000);
      // Even with its session recovered, the socket is in no room now: a message needs a join.
      assert.deepEqual(await ada.emitWithAck('sendMessage', 'too early'), {
        ok: false,
        error: 'Join a room before sending messages.',
      });
      const back = nextEvent<ChatMessage>(bo, 'message');
      const history = await join(ada, 'Ada', 'lobby');
      assert.deepEqual(texts(history).slice(-2), ['Ada left', 'while you were away']);
      assert.equal((await back).text, 'Ada joined');
    });
  });
