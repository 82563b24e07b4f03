import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { io as connect, type Socket } from 'socket.io-client';
import {
  collect,
  connected,
  connectNamed,
  nextEvent,
  type Running,
  SERVERS,
  settle,
  startApp,
} from '../../../test/harness.ts';
import {
  type ChatMessage,
  type ClientToServerEvents,
  ROOM_LIST_DELAY_MS,
  type ServerToClientEvents,
} from './contract.ts';

// The workshop's side of this lesson (payload validation, Redis's replay of volatile
// events, shutdown), on Node only. The lesson's own contract is in contract.test.ts,
// which runs in a browser page too.

type ChatClient = Socket<ServerToClientEvents, ClientToServerEvents>;
const NSP = '/chat';

/** Drops the connection as a network would (the client will reconnect by itself). */
const drop = (client: ChatClient) => client.io.engine.close();

for (const servers of SERVERS)
  describe(`chat ${servers.name}`, () => {
    let server: Running;
    let ada: ChatClient, bo: ChatClient, cy: ChatClient;

    beforeEach(async () => {
      // History tests send faster than a person may: lift the limit here (the limit has its own test).
      const rates = {
        message: { perSecond: 1000, burst: 1000 },
        event: { perSecond: 1000, burst: 1000 },
      };
      server = await startApp({ rates }, { servers: servers.count });
      [ada, bo, cy] = (await connectNamed(server, NSP, ['ada', 'bo', 'cy'])) as [
        ChatClient,
        ChatClient,
        ChatClient,
      ];
      opened.push(ada, bo, cy);
    });
    afterEach(async () => {
      // A chatter who goes is announced (and the notice stored): let that finish before the stores close.
      for (const c of opened) c.disconnect();
      opened.length = 0;
      await settle(150);
      await server.close();
    });

    const opened: ChatClient[] = [];
    async function join(
      client: ChatClient,
      name: string,
      room: string,
    ): Promise<ChatMessage[]> {
      const answer = await client.emitWithAck('join', { name, room });
      assert.equal(answer.ok, true, JSON.stringify(answer));
      await settle(ROOM_LIST_DELAY_MS + 80); // the Online list follows a moment later
      return answer.ok ? answer.history : [];
    }

    test('every payload the contract refuses answers with a sentence and changes nothing', async () => {
      await join(ada, 'Ada', 'lobby');
      await join(cy, 'Cy', 'games');
      const raw = bo as unknown as Socket;
      const cases: [string, unknown[], RegExp][] = [
        ['join', [{ name: '', room: 'lobby' }], /cannot be empty/],
        ['join', [{ name: '   ', room: 'lobby' }], /cannot be empty/],
        ['join', [{ name: 'x'.repeat(25), room: 'lobby' }], /at most 24 characters/],
        ['join', [{ name: 'Bo', room: '' }], /Choose a room/],
        [
          'join',
          [{ name: 'Bo', room: 'lobby\u0000ada' }],
          /room name cannot contain invisible or control characters/,
        ],
        ['join', [{ name: 'Bo' }], /room must be a string/],
        ['join', ['Bo'], /\{ name, room \}/],
      ];
      for (const [event, args, error] of cases) {
        const heard = Promise.all([ada, cy].map((c) => collect(c, 'message')));
        const lists = collect(ada, 'roomData');
        const answer = await raw.emitWithAck(event, ...args);
        assert.equal(answer.ok, false, `${event} ${JSON.stringify(args)}`);
        assert.match(answer.error, error, `${event} ${JSON.stringify(args)}`);
        assert.deepEqual(
          await heard,
          [[], []],
          `${event} ${JSON.stringify(args)} reached someone`,
        );
        assert.deepEqual(
          await lists,
          [],
          `${event} ${JSON.stringify(args)} changed Online`,
        );
      }
    });

    test('message length: 500 characters pass, 501 and empty are refused', async () => {
      await join(ada, 'Ada', 'lobby');
      assert.equal((await ada.emitWithAck('sendMessage', 'x'.repeat(500))).ok, true);
      assert.deepEqual(await ada.emitWithAck('sendMessage', 'x'.repeat(501)), {
        ok: false,
        error: 'The text can be at most 500 characters.',
      });
      assert.deepEqual(await ada.emitWithAck('sendMessage', '  '), {
        ok: false,
        error: 'The text cannot be empty.',
      });
    });

    // Only on one server: the Redis streams adapter (0.3) replays volatile broadcasts on recovery too.
    if (servers.count === 1)
      test('typing notices are volatile: one sent while a chatter is away is not replayed when it comes back', async () => {
        await join(ada, 'Ada', 'lobby');
        await join(bo, 'Bo', 'lobby');
        const gone = nextEvent(bo, 'disconnect');
        drop(bo);
        await gone;
        await ada.emitWithAck('typing', true);
        const replayed: unknown[] = [];
        bo.on('typing', (notice) => replayed.push(notice));
        await nextEvent(bo, 'connect', 5000);
        assert.equal(
          bo.recovered,
          true,
          'the session came back, with the broadcasts it missed',
        );
        await settle(300);
        assert.deepEqual(replayed, []);
      });
  });

describe('shutdown', () => {
  test('clients hear that the server is closing, then lose the connection and try to come back', async () => {
    const server = await startApp();
    const ada = server.open('/sockets-intro', { name: 'Ada' });
    // Long-polling gets the notice with its next request: the server waits for it.
    const polling = connect(`${server.url}/chat`, {
      transports: ['polling'],
      forceNew: true,
    });
    await connected(ada);
    await connected(polling);
    const heard = [ada, polling].map((client) =>
      nextEvent<{ message: string }>(client, 'server:closing'),
    );
    const reason = nextEvent<string>(ada, 'disconnect');
    await server.app.close();
    const [notice] = await Promise.all(heard);
    assert.match(notice!.message, /shutting down/);
    assert.equal(
      await reason,
      'transport close',
      'a reason the client reconnects after',
    );
    assert.equal(ada.active, true, 'it keeps trying to reconnect');
    ada.disconnect();
    polling.disconnect();
  });
});
