import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Socket } from 'socket.io-client';
import {
  IO_CLIENT_HELLO,
  IO_CLIENT_JOIN_ROOM,
  IO_CLIENT_LEAVE_ROOM,
  IO_SERVER_HELLO,
  IO_SERVER_ROOMS,
  type ClientToServerEvents,
  type RoomInfo,
  type ServerToClientEvents,
} from './contract.ts';
import { collect, connectNamed, nextEvent, settle, startApp, type Running } from '../../../test/harness.ts';

type RoomsClient = Socket<ServerToClientEvents, ClientToServerEvents>;
const NSP = '/rooms';

/** The room map as `{ room: [names] }`, sorted, for easy comparison. */
const byRoom = (map: RoomInfo[]) =>
  Object.fromEntries(map.map(({ room, members }) => [room, members.map((m) => m.name).sort()]));

describe('rooms', () => {
  let server: Running;
  let ada: RoomsClient, bo: RoomsClient, cy: RoomsClient;

  beforeEach(async () => {
    server = await startApp();
    [ada, bo, cy] = (await connectNamed(server, NSP, ['Ada', 'Bo', 'Cy'])) as [RoomsClient, RoomsClient, RoomsClient];
  });
  afterEach(async () => {
    await server.close();
  });

  test('a newcomer gets the room map on connect', async () => {
    await ada.emitWithAck(IO_CLIENT_JOIN_ROOM, 'red');
    const di: RoomsClient = server.open(NSP, { name: 'Di' });
    assert.deepEqual(byRoom(await nextEvent<RoomInfo[]>(di, IO_SERVER_ROOMS)), { red: ['Ada'] });
  });

  test('joining sends one hello to everyone, one to the room and one to the joiner', async () => {
    await bo.emitWithAck(IO_CLIENT_JOIN_ROOM, 'red');
    await settle();
    const heard = Promise.all([ada, bo, cy].map((c) => collect<string>(c, IO_SERVER_HELLO)));
    assert.deepEqual(await ada.emitWithAck(IO_CLIENT_JOIN_ROOM, '  red  '), { ok: true });
    const [a, b, c] = await heard;
    assert.deepEqual(a, ['Hello everyone! Ada joined red.', 'Hello, members of red!', 'Hello Ada, you are in red now.']);
    assert.deepEqual(b, ['Hello everyone! Ada joined red.', 'Hello, members of red!']);
    assert.deepEqual(c, ['Hello everyone! Ada joined red.']);
  });

  test("a hello reaches the sender's rooms but not the sender or outsiders", async () => {
    await ada.emitWithAck(IO_CLIENT_JOIN_ROOM, 'red');
    await bo.emitWithAck(IO_CLIENT_JOIN_ROOM, 'red');
    await cy.emitWithAck(IO_CLIENT_JOIN_ROOM, 'blue');
    await settle();
    const heard = Promise.all([ada, bo, cy].map((c) => collect<string>(c, IO_SERVER_HELLO)));
    assert.deepEqual(await ada.emitWithAck(IO_CLIENT_HELLO, 'hi red'), { ok: true });
    assert.deepEqual(await heard, [[], ['Ada says: hi red'], []]);
  });

  test('a hello to two rooms arrives once for a member of both', async () => {
    await ada.emitWithAck(IO_CLIENT_JOIN_ROOM, 'red');
    await ada.emitWithAck(IO_CLIENT_JOIN_ROOM, 'blue');
    await bo.emitWithAck(IO_CLIENT_JOIN_ROOM, 'red');
    await bo.emitWithAck(IO_CLIENT_JOIN_ROOM, 'blue');
    await cy.emitWithAck(IO_CLIENT_JOIN_ROOM, 'blue');
    await settle();
    const heard = Promise.all([bo, cy].map((c) => collect<string>(c, IO_SERVER_HELLO)));
    await ada.emitWithAck(IO_CLIENT_HELLO, 'hi both');
    assert.deepEqual(await heard, [['Ada says: hi both'], ['Ada says: hi both']]);
  });

  test('everyone gets the room map on join, leave and disconnect, without id rooms', async () => {
    let update = nextEvent<RoomInfo[]>(cy, IO_SERVER_ROOMS);
    await ada.emitWithAck(IO_CLIENT_JOIN_ROOM, 'red');
    assert.deepEqual(byRoom(await update), { red: ['Ada'] });

    update = nextEvent<RoomInfo[]>(cy, IO_SERVER_ROOMS);
    await bo.emitWithAck(IO_CLIENT_JOIN_ROOM, 'red');
    assert.deepEqual(byRoom(await update), { red: ['Ada', 'Bo'] });

    update = nextEvent<RoomInfo[]>(cy, IO_SERVER_ROOMS);
    assert.deepEqual(await ada.emitWithAck(IO_CLIENT_LEAVE_ROOM, 'red'), { ok: true });
    assert.deepEqual(byRoom(await update), { red: ['Bo'] });

    update = nextEvent<RoomInfo[]>(cy, IO_SERVER_ROOMS);
    bo.disconnect();
    assert.deepEqual(byRoom(await update), {});
  });

  test('every refusal answers with a sentence and changes nothing', async () => {
    const raw = ada as unknown as Socket;
    await ada.emitWithAck(IO_CLIENT_JOIN_ROOM, 'red');
    await settle();
    const cases: [string, unknown[], RegExp][] = [
      [IO_CLIENT_JOIN_ROOM, [''], /cannot be empty/],
      [IO_CLIENT_JOIN_ROOM, ['   '], /cannot be empty/],
      [IO_CLIENT_JOIN_ROOM, ['x'.repeat(33)], /at most 32 characters/],
      [IO_CLIENT_JOIN_ROOM, [42], /must be a string/],
      [IO_CLIENT_JOIN_ROOM, ['red'], /already in red/],
      [IO_CLIENT_LEAVE_ROOM, ['blue'], /not in blue/],
      [IO_CLIENT_LEAVE_ROOM, [ada.id], /not in/],
      [IO_CLIENT_HELLO, [''], /cannot be empty/],
      [IO_CLIENT_HELLO, ['x'.repeat(501)], /at most 500/],
    ];
    for (const [event, args, error] of cases) {
      const seen = Promise.all([bo, cy].map((c) => collect(c, IO_SERVER_HELLO)));
      const maps = collect(cy, IO_SERVER_ROOMS);
      const answer = await raw.emitWithAck(event, ...args);
      assert.equal(answer.ok, false, `${event} ${JSON.stringify(args)}`);
      assert.match(answer.error, error);
      assert.deepEqual(await seen, [[], []], `${event} ${JSON.stringify(args)} reached someone`);
      assert.deepEqual(await maps, [], `${event} ${JSON.stringify(args)} changed the rooms`);
    }
  });

  test('a hello before joining any room is refused', async () => {
    const answer = await bo.emitWithAck(IO_CLIENT_HELLO, 'anyone?');
    assert.deepEqual(answer, { ok: false, error: 'Join a room first: a hello goes to your rooms.' });
  });

  test('a client can be in at most 10 rooms', async () => {
    for (let i = 1; i <= 10; i++) {
      assert.deepEqual(await ada.emitWithAck(IO_CLIENT_JOIN_ROOM, `room ${i}`), { ok: true });
    }
    const answer = await ada.emitWithAck(IO_CLIENT_JOIN_ROOM, 'room 11');
    assert.deepEqual(answer, { ok: false, error: 'You can be in at most 10 rooms: leave one first.' });
    await ada.emitWithAck(IO_CLIENT_LEAVE_ROOM, 'room 1');
    assert.deepEqual(await ada.emitWithAck(IO_CLIENT_JOIN_ROOM, 'room 11'), { ok: true });
  });
});
