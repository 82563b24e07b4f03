import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import {
  CONTRACT_SERVERS,
  type ContractServer,
} from '../../../test/contract-harness.ts';
import type { Client } from './contract.ts';
import {
  type EmitClient,
  join,
  listOf,
  openThree,
  THREE,
  whoReceives,
} from './test-helpers.ts';

// The lesson's contract: on Node against the companion app, and in a browser
// page against this lesson's own server.ts (e2e/fidelity.spec.ts).

for (const servers of CONTRACT_SERVERS) {
  describe(`emit-vs-broadcast ${servers.name}`, () => {
    let server: ContractServer;
    // With two servers: Ada and Cy on server A, Bo on server B.
    let ada: EmitClient, bo: EmitClient, cy: EmitClient;
    /** The first list of all three that each of them gets. */
    let firstLists: Promise<Client[][]>;

    beforeEach(async () => {
      server = await servers.start();
      ({ ada, bo, cy, firstLists } = await openThree(server));
    });
    afterEach(async () => {
      await server.close();
    });

    /** Who of the three receives a `message` within a short while. */
    const receivers = (send: () => Promise<unknown>) =>
      whoReceives([ada, bo, cy], send);

    test('emit:self comes back to the sender only', async () => {
      const got = await receivers(() =>
        ada.emitWithAck('emit:self', { text: 'note to self' }),
      );
      assert.deepEqual(got.Ada, [
        { from: { id: ada.id, name: 'Ada' }, kind: 'self', text: 'note to self' },
      ]);
      assert.deepEqual([got.Bo, got.Cy], [[], []]);
    });

    test('emit:all reaches everyone, the sender included', async () => {
      const got = await receivers(() =>
        ada.emitWithAck('emit:all', { text: 'hi all' }),
      );
      for (const messages of Object.values(got)) {
        assert.deepEqual(messages, [
          { from: { id: ada.id, name: 'Ada' }, kind: 'all', text: 'hi all' },
        ]);
      }
    });

    test('emit:others reaches everyone but the sender', async () => {
      const got = await receivers(() =>
        bo.emitWithAck('emit:others', { text: 'psst' }),
      );
      assert.deepEqual(got.Bo, []);
      assert.equal(got.Ada.length, 1);
      assert.deepEqual(got.Cy, [
        { from: { id: bo.id, name: 'Bo' }, kind: 'others', text: 'psst' },
      ]);
    });

    test('emit:to reaches the chosen client only', async () => {
      let ack: unknown;
      const got = await receivers(
        async () =>
          (ack = await ada.emitWithAck('emit:to', { to: cy.id!, text: 'just you' })),
      );
      assert.deepEqual(ack, { ok: true });
      assert.deepEqual([got.Ada, got.Bo], [[], []]);
      assert.deepEqual(got.Cy, [
        { from: { id: ada.id, name: 'Ada' }, kind: 'direct', text: 'just you' },
      ]);
    });

    test('emit:to from Ada reaches Bo, connected to another server', async () => {
      let ack: unknown;
      const got = await receivers(
        async () =>
          (ack = await ada.emitWithAck('emit:to', { to: bo.id!, text: 'over there' })),
      );
      assert.deepEqual(ack, { ok: true });
      assert.deepEqual(got, {
        Ada: [],
        Bo: [{ from: { id: ada.id, name: 'Ada' }, kind: 'direct', text: 'over there' }],
        Cy: [],
      });
    });

    test('emit:to to a client who has left is refused with a sentence', async () => {
      const gone = bo.id!;
      const left = listOf(ada, ['Ada', 'Cy']);
      bo.disconnect();
      await left;
      const answer = await ada.emitWithAck('emit:to', {
        to: gone,
        text: 'still there?',
      });
      assert.deepEqual(answer, {
        ok: false,
        error: 'That client is not connected (any more).',
      });
    });

    test('Ada, Bo and Cy each get a list of all three, whichever server each is on', async () => {
      for (const list of await firstLists) {
        assert.deepEqual(
          new Set(list.map((c) => c.id)),
          new Set([ada.id, bo.id, cy.id]),
        );
      }
    });

    test('everyone gets the client list when someone comes and goes', async () => {
      const arrived = Promise.all(
        [ada, bo, cy].map((c) => listOf(c, ['Ada', 'Bo', 'Cy', 'Di'])),
      );
      const di = await join(server, 'Di');
      for (const list of await arrived)
        assert.ok(list.some((c) => c.id === di.id && c.name === 'Di'));

      const left = Promise.all(
        [ada, bo, cy].map((c) => listOf(c, ['Ada', 'Bo', 'Cy'])),
      );
      di.disconnect();
      await left;
    });

    test('a client without a name in the handshake is a numbered guest', async () => {
      const list = listOf(ada, [...THREE, 'Guest 1']);
      await join(server);
      await list;
    });
  });
}
