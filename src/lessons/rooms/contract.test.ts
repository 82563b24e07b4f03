import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import {
  CONTRACT_SERVERS,
  type ContractServer,
} from '../../../test/contract-harness.ts';
import { collect } from '../../../test/events.ts';
import {
  IO_CLIENT_HELLO,
  IO_CLIENT_JOIN_ROOM,
  IO_CLIENT_LEAVE_ROOM,
  IO_SERVER_HELLO,
  MAP_QUIET_MS,
} from './contract.ts';
import {
  join,
  mapOf,
  NSP,
  openThree,
  type Refusal,
  type RoomsClient,
  refusedQuietly,
} from './test-helpers.ts';

// The lesson's contract: on Node against the companion app, and in a browser
// page against this lesson's own server.ts (e2e/fidelity.spec.ts).

for (const servers of CONTRACT_SERVERS)
  describe(`rooms ${servers.name}`, () => {
    let server: ContractServer;
    // With two servers: Ada and Cy on server A, Bo on server B.
    let ada: RoomsClient, bo: RoomsClient, cy: RoomsClient;

    beforeEach(async () => {
      server = await servers.start();
      [ada, bo, cy] = await openThree(server);
    });
    afterEach(async () => {
      await server.close();
    });

    test('a newcomer gets the room map on connect, members on other servers included', async () => {
      await join(ada, 'red', { red: ['Ada'] });
      await join(bo, 'red', { red: ['Ada', 'Bo'] }, ada);
      // Di, the fourth client, is on server B with two servers; Ada is on A.
      const di: RoomsClient = server.open(NSP, { name: 'Di' });
      await mapOf(di, { red: ['Ada', 'Bo'] });
    });

    test('the room map lists members on every server, for everyone', async () => {
      const everyone = Promise.all(
        [ada, bo, cy].map((c) => mapOf(c, { red: ['Ada', 'Bo'], blue: ['Cy'] })),
      );
      await ada.emitWithAck(IO_CLIENT_JOIN_ROOM, 'red');
      await bo.emitWithAck(IO_CLIENT_JOIN_ROOM, 'red');
      await cy.emitWithAck(IO_CLIENT_JOIN_ROOM, 'blue');
      const maps = await everyone;
      const red = maps[0]!.find((r) => r.room === 'red')!;
      assert.deepEqual(new Set(red.members.map((m) => m.id)), new Set([ada.id, bo.id]));
    });

    test('joining sends one hello to everyone, one to the room and one to the joiner', async () => {
      // Cy sees the map that follows Bo's join, so Bo's hellos are in (from Bo's server, they came first).
      await join(bo, 'red', { red: ['Bo'] }, cy);
      const heard = Promise.all(
        [ada, bo, cy].map((c) => collect<string>(c, IO_SERVER_HELLO)),
      );
      assert.deepEqual(await ada.emitWithAck(IO_CLIENT_JOIN_ROOM, '  red  '), {
        ok: true,
      });
      const [a, b, c] = await heard;
      assert.deepEqual(a, [
        'Hello everyone! Ada joined red.',
        'Hello, members of red!',
        'Hello Ada, you are in red now.',
      ]);
      assert.deepEqual(b, [
        'Hello everyone! Ada joined red.',
        'Hello, members of red!',
      ]);
      assert.deepEqual(c, ['Hello everyone! Ada joined red.']);
    });

    test("a hello reaches the sender's rooms but not the sender or outsiders", async () => {
      await join(ada, 'red', { red: ['Ada'] });
      await join(bo, 'red', { red: ['Ada', 'Bo'] });
      await join(cy, 'blue', { red: ['Ada', 'Bo'], blue: ['Cy'] }, ada);
      const heard = Promise.all(
        [ada, bo, cy].map((c) => collect<string>(c, IO_SERVER_HELLO)),
      );
      assert.deepEqual(await ada.emitWithAck(IO_CLIENT_HELLO, 'hi red'), { ok: true });
      assert.deepEqual(await heard, [[], ['Ada says: hi red'], []]);
    });

    test('a hello to two rooms arrives once for a member of both', async () => {
      const ready = mapOf(cy, { red: ['Ada', 'Bo'], blue: ['Ada', 'Bo', 'Cy'] });
      await ada.emitWithAck(IO_CLIENT_JOIN_ROOM, 'red');
      await ada.emitWithAck(IO_CLIENT_JOIN_ROOM, 'blue');
      await bo.emitWithAck(IO_CLIENT_JOIN_ROOM, 'red');
      await bo.emitWithAck(IO_CLIENT_JOIN_ROOM, 'blue');
      await cy.emitWithAck(IO_CLIENT_JOIN_ROOM, 'blue');
      await ready;
      const heard = Promise.all(
        [bo, cy].map((c) => collect<string>(c, IO_SERVER_HELLO)),
      );
      await ada.emitWithAck(IO_CLIENT_HELLO, 'hi both');
      assert.deepEqual(await heard, [['Ada says: hi both'], ['Ada says: hi both']]);
    });

    test('everyone gets the room map on join, leave and disconnect, without id rooms', async () => {
      await join(ada, 'red', { red: ['Ada'] }, cy);
      await join(bo, 'red', { red: ['Ada', 'Bo'] }, cy);

      let update = mapOf(cy, { red: ['Bo'] });
      assert.deepEqual(await ada.emitWithAck(IO_CLIENT_LEAVE_ROOM, 'red'), {
        ok: true,
      });
      await update;

      update = mapOf(cy, {});
      bo.disconnect();
      await update;
    });

    test('a client that goes away tells its rooms, on whichever server they are, and the others hear nothing', async () => {
      await join(bo, 'red', { red: ['Bo'] });
      await join(bo, 'blue', { red: ['Bo'], blue: ['Bo'] });
      await join(ada, 'red', { red: ['Ada', 'Bo'], blue: ['Bo'] });
      const heard = Promise.all(
        [ada, cy].map((c) => collect<string>(c, IO_SERVER_HELLO, MAP_QUIET_MS)),
      );
      const gone = mapOf(ada, { red: ['Ada'] });
      bo.disconnect();
      assert.deepEqual(await heard, [['Bo left red.'], []]);
      await gone;
    });

    test('joining a room twice, or leaving one you are not in (your own id room too), is refused with a sentence and changes nothing', async () => {
      const cases: Refusal[] = [
        [IO_CLIENT_JOIN_ROOM, ['red'], /already in red/],
        [IO_CLIENT_LEAVE_ROOM, ['blue'], /not in blue/],
        [IO_CLIENT_LEAVE_ROOM, [ada.id], /not in/],
      ];
      await refusedQuietly({ ada, bo, cy }, cases);
    });

    test('a hello before joining any room is refused', async () => {
      const answer = await bo.emitWithAck(IO_CLIENT_HELLO, 'anyone?');
      assert.deepEqual(answer, {
        ok: false,
        error: 'Join a room first: a hello goes to your rooms.',
      });
    });

    test('a client can be in at most 10 rooms', async () => {
      for (let i = 1; i <= 10; i++) {
        assert.deepEqual(await ada.emitWithAck(IO_CLIENT_JOIN_ROOM, `room ${i}`), {
          ok: true,
        });
      }
      const answer = await ada.emitWithAck(IO_CLIENT_JOIN_ROOM, 'room 11');
      assert.deepEqual(answer, {
        ok: false,
        error: 'You can be in at most 10 rooms: leave one first.',
      });
      await ada.emitWithAck(IO_CLIENT_LEAVE_ROOM, 'room 1');
      assert.deepEqual(await ada.emitWithAck(IO_CLIENT_JOIN_ROOM, 'room 11'), {
        ok: true,
      });
    });
  });
