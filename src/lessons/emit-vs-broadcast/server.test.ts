import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Socket } from 'socket.io-client';
import {
  collect,
  connected,
  type Running,
  SERVERS,
  startApp,
} from '../../../test/harness.ts';
import {
  type Client,
  type ClientToServerEvents,
  LIST_QUIET_MS,
  type Message,
  type ServerToClientEvents,
} from './contract.ts';

type EmitClient = Socket<ServerToClientEvents, ClientToServerEvents>;
const NSP = '/emit-vs-broadcast';

const THREE = ['Ada', 'Bo', 'Cy'];
const names = (list: Client[]) => list.map((c) => c.name).sort();

/** The first `clients` list that `client` receives from now on whose names are `wanted`. */
function listOf(
  client: EmitClient,
  wanted: string[],
  timeoutMs = 3000,
): Promise<Client[]> {
  return new Promise((resolve, reject) => {
    let last: string[] = [];
    const timer = setTimeout(() => {
      client.off('clients', check);
      reject(
        new Error(
          `no list of ${wanted.join(', ')} within ${timeoutMs} ms (last: ${last.join(', ')})`,
        ),
      );
    }, timeoutMs);
    function check(list: Client[]) {
      last = names(list);
      if (last.join() !== [...wanted].sort().join()) return;
      clearTimeout(timer);
      client.off('clients', check);
      resolve(list);
    }
    client.on('clients', check);
  });
}

/** Opens a client named `name` (on the server whose turn it is, or `on`) and waits until it is in. */
async function join(server: Running, name?: string, on?: number): Promise<EmitClient> {
  const client: EmitClient = server.open(
    NSP,
    name === undefined ? undefined : { name },
    undefined,
    on,
  );
  await connected(client as unknown as Socket);
  return client;
}

for (const servers of SERVERS) {
  describe(`emit-vs-broadcast ${servers.name}`, () => {
    let server: Running;
    // With two servers: Ada and Cy on server A, Bo on server B.
    let ada: EmitClient, bo: EmitClient, cy: EmitClient;
    /** The first list of all three that each of them gets. */
    let firstLists: Promise<Client[][]>;

    beforeEach(async () => {
      server = await startApp({}, { servers: servers.count });
      [ada, bo, cy] = THREE.map((name) => server.open(NSP, { name })) as [
        EmitClient,
        EmitClient,
        EmitClient,
      ];
      firstLists = Promise.all([ada, bo, cy].map((c) => listOf(c, THREE)));
      firstLists.catch(() => {}); // a test that waits for it sees its failure
      await Promise.all([ada, bo, cy].map((c) => connected(c as unknown as Socket)));
    });
    afterEach(async () => {
      await server.close();
    });

    /** Who of the three receives a `message` within a short while. */
    async function receivers(send: () => Promise<unknown>) {
      const seen = Promise.all(
        [ada, bo, cy].map((client) => collect<Message>(client, 'message')),
      );
      await send();
      const [a, b, c] = await seen;
      return { Ada: a!, Bo: b!, Cy: c! };
    }

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

    test('a client without a name in the handshake is a numbered guest', async () => {
      const list = listOf(ada, [...THREE, 'Guest 1']);
      await join(server);
      await list;
    });
  });
}
