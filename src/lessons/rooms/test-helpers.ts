import assert from 'node:assert/strict';
import type { Socket } from 'socket.io-client';
import type { ContractServer } from '../../../test/contract-harness.ts';
import { collect, connected, nextMatching } from '../../../test/events.ts';
import {
  type ClientToServerEvents,
  IO_CLIENT_JOIN_ROOM,
  IO_SERVER_HELLO,
  IO_SERVER_ROOMS,
  MAP_QUIET_MS,
  type RoomInfo,
  type ServerToClientEvents,
} from './contract.ts';

// What both of this lesson's test files use: contract.test.ts (which runs in a
// browser page too, so nothing Node-only here) and server.test.ts.

export type RoomsClient = Socket<ServerToClientEvents, ClientToServerEvents>;
export const NSP = '/rooms';

/** Ada, Bo and Cy, opened in that order (with two servers: Ada and Cy on server A, Bo on B), once they are in. */
export async function openThree(
  server: Pick<ContractServer, 'open'>,
): Promise<[RoomsClient, RoomsClient, RoomsClient]> {
  const three = ['Ada', 'Bo', 'Cy'].map((name) => server.open(NSP, { name })) as [
    RoomsClient,
    RoomsClient,
    RoomsClient,
  ];
  await Promise.all(three.map((c) => connected(c as unknown as Socket)));
  return three;
}

/** The room map as `{ room: [names] }`, sorted, for easy comparison. */
const byRoom = (map: RoomInfo[]) =>
  Object.fromEntries(
    map.map(({ room, members }) => [room, members.map((m) => m.name).sort()]),
  );

/** The first room map that `client` receives from now on that reads `wanted` (as `byRoom`). */
export const mapOf = (
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
export async function join(
  client: RoomsClient,
  room: string,
  then: Record<string, string[]>,
  watcher = client,
) {
  const seen = mapOf(watcher, then);
  assert.deepEqual(await client.emitWithAck(IO_CLIENT_JOIN_ROOM, room), { ok: true });
  await seen;
}

/** An event Ada sends, its arguments, and the sentence it must be refused with. */
export type Refusal = [event: string, args: unknown[], error: RegExp];

/**
 * Ada joins red; then each of `cases` she sends is refused with its sentence,
 * reaches neither Bo nor Cy, and changes no room.
 */
export async function refusedQuietly(
  { ada, bo, cy }: Record<'ada' | 'bo' | 'cy', RoomsClient>,
  cases: Refusal[],
) {
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
    assert.deepEqual(changed, [], `${event} ${JSON.stringify(args)} changed the rooms`);
  }
}
