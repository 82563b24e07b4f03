import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Socket } from 'socket.io-client';
import {
  collect,
  connected,
  nextMatching,
  type Running,
  SERVERS,
  startApp,
} from '../../../test/harness.ts';
import {
  type ClientToServerEvents,
  IO_CLIENT_HELLO,
  IO_CLIENT_JOIN_ROOM,
  IO_SERVER_HELLO,
  IO_SERVER_ROOMS,
  MAP_QUIET_MS,
  type RoomInfo,
  type ServerToClientEvents,
} from './contract.ts';

// The workshop's side of this lesson (payload validation, servers that do not answer),
// on Node only. The lesson's own contract is in contract.test.ts, which runs in a
// browser page too.

type RoomsClient = Socket<ServerToClientEvents, ClientToServerEvents>;
const NSP = '/rooms';

/** The room map as `{ room: [names] }`, sorted, for easy comparison. */
const byRoom = (map: RoomInfo[]) =>
  Object.fromEntries(
    map.map(({ room, members }) => [room, members.map((m) => m.name).sort()]),
  );

/** The first room map that `client` receives from now on that reads `wanted` (as `byRoom`). */
const mapOf = (
  client: RoomsClient,
  wanted: Record<string, string[]>,
  timeoutMs = 3000,
) =>
  nextMatching<RoomInfo[]>(
    client as unknown as Socket,
    IO_SERVER_ROOMS,
    (map) =>
      JSON.stringify(Object.entries(byRoom(map)).sort()) ===
      JSON.stringify(Object.entries(wanted).sort()),
    timeoutMs,
  );

/** `client` joins `room`, and waits until `watcher` (by default, the joiner) sees the map `then`. */
async function join(
  client: RoomsClient,
  room: string,
  then: Record<string, string[]>,
  watcher = client,
) {
  const seen = mapOf(watcher, then);
  assert.deepEqual(await client.emitWithAck(IO_CLIENT_JOIN_ROOM, room), { ok: true });
  await seen;
}

for (const servers of SERVERS)
  describe(`rooms ${servers.name}`, () => {
    let server: Running;
    // With two servers: Ada and Cy on server A, Bo on server B.
    let ada: RoomsClient, bo: RoomsClient, cy: RoomsClient;

    beforeEach(async () => {
      server = await startApp({}, { servers: servers.count });
      [ada, bo, cy] = ['Ada', 'Bo', 'Cy'].map((name) => server.open(NSP, { name })) as [
        RoomsClient,
        RoomsClient,
        RoomsClient,
      ];
      await Promise.all([ada, bo, cy].map((c) => connected(c as unknown as Socket)));
    });
    afterEach(async () => {
      await server.close();
    });

    test('every payload the contract refuses answers with a sentence and changes nothing', async () => {
      const raw = ada as unknown as Socket;
      // The join's own hello to everyone has reached both before the refusals begin.
      const told = [bo, cy].map((c) =>
        nextMatching<string>(
          c,
          IO_SERVER_HELLO,
          (text) => text.includes('Ada joined red'),
          3000,
        ),
      );
      await join(ada, 'red', { red: ['Ada'] }, cy);
      await Promise.all(told);
      const before = [{ room: 'red', members: [{ id: ada.id, name: 'Ada' }] }];
      const cases: [string, unknown[], RegExp][] = [
        [IO_CLIENT_JOIN_ROOM, [''], /cannot be empty/],
        [IO_CLIENT_JOIN_ROOM, ['   '], /cannot be empty/],
        [IO_CLIENT_JOIN_ROOM, ['x'.repeat(33)], /at most 32 characters/],
        [IO_CLIENT_JOIN_ROOM, [42], /must be a string/],
        [IO_CLIENT_HELLO, [''], /cannot be empty/],
        [IO_CLIENT_HELLO, ['x'.repeat(501)], /at most 500/],
      ];
      for (const [event, args, error] of cases) {
        const seen = Promise.all([bo, cy].map((c) => collect(c, IO_SERVER_HELLO)));
        const maps = collect(cy, IO_SERVER_ROOMS, MAP_QUIET_MS * 2);
        const answer = await raw.emitWithAck(event, ...args);
        assert.equal(answer.ok, false, `${event} ${JSON.stringify(args)}`);
        assert.match(answer.error, error);
        assert.deepEqual(
          await seen,
          [[], []],
          `${event} ${JSON.stringify(args)} reached someone`,
        );
        // A map still due from the join may come; none may show a change.
        const changed = (await maps).filter(
          (map) => JSON.stringify(map) !== JSON.stringify(before),
        );
        assert.deepEqual(
          changed,
          [],
          `${event} ${JSON.stringify(args)} changed the rooms`,
        );
      }
    });

    test('when the servers do not answer, joining still answers, and the map follows once they do', async () => {
      const adapter = server.apps[0]!.io.of(NSP).adapter;
      const fetchSockets = adapter.fetchSockets;
      adapter.fetchSockets = () =>
        Promise.reject(new Error('timeout reached: missing 1 responses'));
      const map = mapOf(cy, { red: ['Ada'] });
      assert.deepEqual(await ada.emitWithAck(IO_CLIENT_JOIN_ROOM, 'red'), { ok: true });
      await new Promise((resolve) => setTimeout(resolve, MAP_QUIET_MS * 2)); // a try or two fails meanwhile
      adapter.fetchSockets = fetchSockets;
      await map; // close() checks that nothing was logged as an error
    });
  });
