import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Socket } from 'socket.io-client';
import type {
  Client,
  ClientToServerEvents,
  Message,
  ServerToClientEvents,
} from './contract.ts';
import { collect, connectNamed, nextEvent, settle, startApp, type Running } from '../../../test/harness.ts';

type EmitClient = Socket<ServerToClientEvents, ClientToServerEvents>;
const NSP = '/emit-vs-broadcast';

describe('emit-vs-broadcast', () => {
  let server: Running;
  let ada: EmitClient, bo: EmitClient, cy: EmitClient;

  beforeEach(async () => {
    server = await startApp();
    [ada, bo, cy] = (await connectNamed(server, NSP, ['Ada', 'Bo', 'Cy'])) as [EmitClient, EmitClient, EmitClient];
  });
  afterEach(async () => {
    await server.close();
  });

  /** Who of the three receives a `message` within a short while. */
  async function receivers(send: () => Promise<unknown>) {
    const seen = Promise.all([ada, bo, cy].map((client) => collect<Message>(client, 'message')));
    await send();
    const [a, b, c] = await seen;
    return { Ada: a!, Bo: b!, Cy: c! };
  }

  test('emit:self comes back to the sender only', async () => {
    const got = await receivers(() => ada.emitWithAck('emit:self', { text: 'note to self' }));
    assert.deepEqual(got.Ada, [{ from: { id: ada.id, name: 'Ada' }, kind: 'self', text: 'note to self' }]);
    assert.deepEqual([got.Bo, got.Cy], [[], []]);
  });

  test('emit:all reaches everyone, the sender included', async () => {
    const got = await receivers(() => ada.emitWithAck('emit:all', { text: 'hi all' }));
    for (const messages of Object.values(got)) {
      assert.deepEqual(messages, [{ from: { id: ada.id, name: 'Ada' }, kind: 'all', text: 'hi all' }]);
    }
  });

  test('emit:others reaches everyone but the sender', async () => {
    const got = await receivers(() => bo.emitWithAck('emit:others', { text: 'psst' }));
    assert.deepEqual(got.Bo, []);
    assert.equal(got.Ada.length, 1);
    assert.deepEqual(got.Cy, [{ from: { id: bo.id, name: 'Bo' }, kind: 'others', text: 'psst' }]);
  });

  test('emit:to reaches the chosen client only', async () => {
    let ack: unknown;
    const got = await receivers(async () => (ack = await ada.emitWithAck('emit:to', { to: cy.id!, text: 'just you' })));
    assert.deepEqual(ack, { ok: true });
    assert.deepEqual([got.Ada, got.Bo], [[], []]);
    assert.deepEqual(got.Cy, [{ from: { id: ada.id, name: 'Ada' }, kind: 'direct', text: 'just you' }]);
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
      assert.deepEqual(got, { Ada: [], Bo: [], Cy: [] }, `${event} ${JSON.stringify(args)} reached someone`);
    }
  });

  test('500 characters is still fine', async () => {
    assert.deepEqual(await ada.emitWithAck('emit:self', { text: 'x'.repeat(500) }), { ok: true });
  });

  test('everyone gets the client list when someone comes and goes', async () => {
    const list = nextEvent<Client[]>(ada, 'clients');
    const di = await server.client(NSP, { name: 'Di' });
    const names = (await list).map((c) => c.name).sort();
    assert.deepEqual(names, ['Ada', 'Bo', 'Cy', 'Di']);

    await settle();
    const afterLeaving = nextEvent<Client[]>(bo, 'clients');
    const diId = di.id;
    di.disconnect();
    const left = await afterLeaving;
    assert.deepEqual(left.map((c) => c.name).sort(), ['Ada', 'Bo', 'Cy']);
    assert.ok(!left.some((c) => c.id === diId));
  });

  test('a client without a name in the handshake is a numbered guest', async () => {
    const list = nextEvent<Client[]>(ada, 'clients');
    await server.client(NSP);
    assert.ok((await list).some((c) => c.name === 'Guest 1'));
  });
});
