import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { io as connect } from 'socket.io-client';
import {
  connected,
  nextEvent,
  type Running,
  SERVERS,
  settle,
  startApp,
} from '../../../test/harness.ts';
import {
  type ChatClient,
  drop,
  join,
  LIFTED_RATES,
  leaveAll,
  openThree,
  type Refusal,
  refusedQuietly,
} from './test-helpers.ts';

// The workshop's side of this lesson (payload validation, Redis's replay of volatile
// events, shutdown), on Node only. The lesson's own contract is in contract.test.ts,
// which runs in a browser page too.

for (const servers of SERVERS)
  describe(`chat ${servers.name}`, () => {
    let server: Running;
    let ada: ChatClient, bo: ChatClient, cy: ChatClient;

    beforeEach(async () => {
      server = await startApp({ rates: LIFTED_RATES }, { servers: servers.count });
      [ada, bo, cy] = await openThree(server);
      opened.push(ada, bo, cy);
    });
    afterEach(async () => {
      await leaveAll(opened);
      await server.close();
    });

    const opened: ChatClient[] = [];

    test('every payload the contract refuses answers with a sentence and changes nothing', async () => {
      await join(ada, 'Ada', 'lobby');
      await join(cy, 'Cy', 'games');
      const cases: Refusal[] = [
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
      await refusedQuietly(bo, [ada, cy], cases);
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
