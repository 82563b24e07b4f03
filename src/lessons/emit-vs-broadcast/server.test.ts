import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Socket } from 'socket.io-client';
import { collect, type Running, SERVERS, startApp } from '../../../test/harness.ts';
import { type Client, LIST_QUIET_MS } from './contract.ts';
import {
  type EmitClient,
  join,
  listOf,
  NSP,
  names,
  openThree,
  whoReceives,
} from './test-helpers.ts';

// The workshop's side of this lesson (payload validation, servers that do not answer,
// two arrivals on two servers), on Node only. The lesson's own contract is in
// contract.test.ts, which runs in a browser page too.

for (const servers of SERVERS) {
  describe(`emit-vs-broadcast ${servers.name}`, () => {
    let server: Running;
    // With two servers: Ada and Cy on server A, Bo on server B.
    let ada: EmitClient, bo: EmitClient, cy: EmitClient;
    /** The first list of all three that each of them gets. */
    let firstLists: Promise<Client[][]>;

    beforeEach(async () => {
      server = await startApp({}, { servers: servers.count });
      ({ ada, bo, cy, firstLists } = await openThree(server));
    });
    afterEach(async () => {
      await server.close();
    });

    /** Who of the three receives a `message` within a short while. */
    const receivers = (send: () => Promise<unknown>) =>
      whoReceives([ada, bo, cy], send);

    /** Makes every fetchSockets() of server `index` fail, as when another server does not answer in time. */
    function serversStopAnswering(index = 0) {
      const adapter = server.apps[index]!.io.of(NSP).adapter;
      const fetchSockets = adapter.fetchSockets;
      adapter.fetchSockets = () =>
        Promise.reject(new Error('timeout reached: missing 1 responses'));
      return () => {
        adapter.fetchSockets = fetchSockets;
      };
    }

    test('every refusal answers with a sentence and reaches nobody', async () => {
      const raw = ada as unknown as Socket;
      const cases: [string, unknown[], RegExp][] = [
        ['emit:all', [{ text: '' }], /cannot be empty/],
        ['emit:all', [{ text: '   ' }], /cannot be empty/],
        ['emit:others', [{ text: 'x'.repeat(501) }], /at most 500 characters/],
        ['emit:self', [{}], /must be a string/],
        ['emit:self', ['hello'], /\{ text: "\.\.\." \}/],
        ['emit:to', [{ text: 'hi' }], /who to send to/],
        ['emit:to', [{ to: 'no-such-socket', text: 'hi' }], /not connected/],
      ];
      for (const [event, args, error] of cases) {
        const got = await receivers(async () => {
          const answer = await raw.emitWithAck(event, ...args);
          assert.equal(answer.ok, false, `${event} ${JSON.stringify(args)}`);
          assert.match(answer.error, error);
        });
        assert.deepEqual(
          got,
          { Ada: [], Bo: [], Cy: [] },
          `${event} ${JSON.stringify(args)} reached someone`,
        );
      }
    });

    test('when the servers do not answer, emit:to says so in its ack, and the server goes on', async () => {
      const answerAgain = serversStopAnswering();
      const got = await receivers(async () => {
        const answer = await ada.emitWithAck('emit:to', { to: bo.id!, text: 'hello?' });
        assert.deepEqual(answer, {
          ok: false,
          error: 'A server did not answer in time: try again.',
        });
      });
      assert.deepEqual(got, { Ada: [], Bo: [], Cy: [] });
      // Someone arrives meanwhile: the list cannot be made, and nothing breaks (close() checks the log).
      await join(server, 'Di', 0);
      await new Promise((resolve) => setTimeout(resolve, LIST_QUIET_MS * 2));
      answerAgain();
      assert.deepEqual(
        await ada.emitWithAck('emit:to', { to: bo.id!, text: 'hello?' }),
        { ok: true },
      );
    });

    test('500 characters is still fine', async () => {
      assert.deepEqual(await ada.emitWithAck('emit:self', { text: 'x'.repeat(500) }), {
        ok: true,
      });
    });

    test('two arrivals at the same moment, on two servers: the lists end with both', async () => {
      const everyone = ['Ada', 'Bo', 'Cy', 'Di', 'Ed'];
      await firstLists;
      const di: EmitClient = server.open(NSP, { name: 'Di' }, undefined, 0);
      const ed: EmitClient = server.open(
        NSP,
        { name: 'Ed' },
        undefined,
        servers.count - 1,
      );
      const all = [ada, bo, cy, di, ed];
      await Promise.all(all.map((c) => listOf(c, everyone)));
      // ...and no list that comes later undoes it.
      const later = await Promise.all(
        all.map((c) => collect<Client[]>(c, 'clients', LIST_QUIET_MS * 3)),
      );
      for (const seen of later)
        if (seen.length) assert.deepEqual(names(seen.at(-1)!), everyone);
    });
  });
}
