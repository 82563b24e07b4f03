import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import {
  CONTRACT_SERVERS,
  type ContractServer,
} from '../../../test/contract-harness.ts';
import { collect, nextEvent, until } from '../../../test/events.ts';
import {
  NO_TOKEN,
  STAFF_TOKEN,
  VISITOR_TOKEN,
  VISITORS_READ_ONLY,
  WRONG_TOKEN,
} from './contract.ts';
import { type Client, moreNamespaces, NSP, raw, STAFF } from './test-helpers.ts';

// The lesson's contract: on Node against the companion app, and in a browser
// page against this lesson's own server.ts (e2e/fidelity.spec.ts).

type Note = { from: string; text: string };

for (const servers of CONTRACT_SERVERS)
  describe(`namespaces-and-middleware ${servers.name}`, () => {
    let server: ContractServer;
    const { alsoOpen, closeAll } = moreNamespaces();
    beforeEach(async () => {
      server = await servers.start();
    });
    afterEach(async () => {
      closeAll();
      await server.close();
    });

    test("a note stays in its namespace: the staff room's in the staff room, the lobby's in the lobby, on one connection", async () => {
      const ada: Client = await server.client(NSP, { name: 'Ada' });
      const adaStaff = await alsoOpen(ada, STAFF, { name: 'Ada', token: STAFF_TOKEN });
      const bo: Client = await server.client(NSP, { name: 'Bo' });
      const [lobbyHeard, boHeard] = [
        collect(raw(ada), 'note:new', 250),
        collect(raw(bo), 'note:new', 250),
      ];
      const staffHeard = nextEvent(raw(adaStaff), 'note:new');
      assert.deepEqual(
        await adaStaff.emitWithAck('note:post', { text: 'staff only' }),
        { ok: true },
      );
      assert.deepEqual(await staffHeard, { from: 'Ada', text: 'staff only' });
      assert.deepEqual(await lobbyHeard, []);
      assert.deepEqual(await boHeard, []);

      const inLobby = [
        nextEvent<Note>(raw(ada), 'note:new'),
        nextEvent<Note>(raw(bo), 'note:new'),
      ];
      const inStaff = collect(raw(adaStaff), 'note:new', 250);
      await bo.emitWithAck('note:post', { text: 'hello lobby' });
      assert.deepEqual(
        (await Promise.all(inLobby)).map((note) => note.text),
        ['hello lobby', 'hello lobby'],
      );
      assert.deepEqual(await inStaff, []);
    });

    test('the staff room refuses a connection without a token, or with a wrong one, with a sentence', async () => {
      await assert.rejects(server.client(STAFF, { name: 'Eve' }), {
        message: NO_TOKEN,
      });
      await assert.rejects(
        server.client(STAFF, { name: 'Eve', token: 'open-sesame' }),
        { message: WRONG_TOKEN },
      );
      await assert.rejects(server.client(STAFF, { name: 'Eve', token: 42 }), {
        message: WRONG_TOKEN,
      });
      await assert.rejects(
        server.client(STAFF, { name: 'Eve', token: 'constructor' }),
        { message: WRONG_TOKEN },
      );
      // Each refused first socket took the namespace it made with it.
      assert.ok(!server.namespaces().includes(STAFF));
    });

    test('a visitor reads the staff room but cannot post in it; staff can', async () => {
      const staff: Client = await server.client(STAFF, {
        name: 'Ada',
        token: STAFF_TOKEN,
      });
      const visitor: Client = await server.client(STAFF, {
        name: 'Bo',
        token: VISITOR_TOKEN,
      });
      // The first note each one hears is the staff's: the visitor's never went out.
      const heard = [
        nextEvent(raw(staff), 'note:new'),
        nextEvent(raw(visitor), 'note:new'),
      ];
      assert.deepEqual(
        await visitor.emitWithAck('note:post', { text: 'let me speak' }),
        { ok: false, error: VISITORS_READ_ONLY },
      );
      assert.deepEqual(await staff.emitWithAck('note:post', { text: 'meeting at 3' }), {
        ok: true,
      });
      assert.deepEqual(await Promise.all(heard), [
        { from: 'Ada', text: 'meeting at 3' },
        { from: 'Ada', text: 'meeting at 3' },
      ]);
    });

    test('each team is a namespace of its own, made on the first connection and gone with the last', async () => {
      const red: Client = await server.client(`${NSP}/team-red`, { name: 'Ada' });
      const red2: Client = await server.client(`${NSP}/team-red`, { name: 'Bo' });
      const blue: Client = await server.client(`${NSP}/team-blue`, { name: 'Cy' });
      const [redHeard, blueHeard] = [
        nextEvent<Note>(raw(red2), 'note:new'),
        collect(raw(blue), 'note:new', 250),
      ];
      await red.emitWithAck('note:post', { text: 'go red' });
      assert.equal((await redHeard).text, 'go red');
      assert.deepEqual(await blueHeard, []);

      blue.disconnect();
      await until(
        () => !server.namespaces().includes(`${NSP}/team-blue`),
        'team-blue dropped',
      );
      assert.ok(server.namespaces().includes(`${NSP}/team-red`));
    });

    test('a name that no namespace serves is refused', async () => {
      for (const path of [
        '/team-Red',
        '/team-',
        '/team-abcdefghijklm',
        '/team-red/x',
        '/kitchen',
        '/staff/x',
      ]) {
        await assert.rejects(
          server.client(`${NSP}${path}`, { name: 'Eve' }),
          { message: 'Invalid namespace' },
          path,
        );
      }
    });
  });
