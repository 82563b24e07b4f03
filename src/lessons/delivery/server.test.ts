import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { io as connect, type Socket } from 'socket.io-client';
import {
  collect,
  connected,
  nextEvent,
  type Running,
  SERVERS,
  startApp,
} from '../../../test/harness.ts';
import {
  CATCH_UP_MAX,
  type ClientToServerEvents,
  type Message,
  type ServerToClientEvents,
} from './contract.ts';

type DeliveryClient = Socket<ServerToClientEvents, ClientToServerEvents>;
const NSP = '/delivery';

/** Drops the connection as a network would (the client will reconnect by itself). */
const drop = (client: Socket) => client.io.engine.close();

/**
 * What `client` shows from now on, as the lesson's page does: each id once, in id order; and it
 * keeps the last offset it saw in its handshake. `until` waits for what a test expects.
 */
function inbox(client: DeliveryClient) {
  const seen: Message[] = [];
  client.on('message', (message) => {
    if (!seen.some((m) => m.id === message.id)) seen.push(message);
    seen.sort((a, b) => a.id - b.id);
    const auth = client.auth as { serverOffset: number };
    auth.serverOffset = Math.max(auth.serverOffset, message.id);
  });
  return {
    seen,
    async until(holds: (seen: Message[]) => boolean, timeoutMs = 3000) {
      const deadline = Date.now() + timeoutMs;
      while (!holds(seen)) {
        if (Date.now() > deadline)
          throw new Error(`still waiting; seen: ${seen.map((m) => m.text).join(', ')}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}

const texts = (messages: Message[]) => messages.map((m) => m.text);

for (const servers of SERVERS)
  describe(`delivery ${servers.name}`, () => {
    let server: Running;
    const rates = {
      message: { perSecond: 1000, burst: 1000 },
      event: { perSecond: 1000, burst: 1000 },
    };

    beforeEach(async () => {
      server = await startApp({ rates }, { servers: servers.count });
    });
    afterEach(async () => {
      await server.close();
    });

    const opened: Socket[] = [];
    afterEach(() => {
      for (const c of opened) c.disconnect();
    });

    /** A client that says the last offset it saw, as the lesson's page does, on the next server in turn; `now`: connect at once. */
    async function client(
      name: string,
      serverOffset: unknown = 0,
      options: object = {},
      now = true,
    ): Promise<DeliveryClient> {
      const url = server.urls[opened.length % server.urls.length]!;
      const auth = { name, serverOffset };
      const socket: DeliveryClient = connect(`${url}${NSP}`, {
        auth,
        forceNew: true,
        transports: ['websocket'],
        autoConnect: now,
        ...options,
      });
      opened.push(socket);
      if (now) await connected(socket);
      return socket;
    }

    async function send(
      from: DeliveryClient,
      text: string,
      clientOffset = `${text}-${Math.random()}`.replace(/\W/g, '-'),
    ) {
      const answer = await from.emitWithAck('message:send', text, clientOffset);
      assert.equal(answer.ok, true, JSON.stringify(answer));
      return answer.ok ? answer.id : -1;
    }

    test('a message goes to everyone, the sender too, with its id: the offset the clients keep', async () => {
      const ada = await client('Ada');
      const bo = await client('Bo');
      const [adaGot, boGot] = [
        nextEvent<Message>(ada, 'message'),
        nextEvent<Message>(bo, 'message'),
      ];
      const id = await send(ada, 'hello');
      for (const got of await Promise.all([adaGot, boGot]))
        assert.deepEqual(got, { id, user: 'Ada', text: 'hello', at: got.at });
    });

    test('a client that connects with the last offset it saw gets what came after it, in order', async () => {
      const ada = await client('Ada');
      const seenId = await send(ada, 'seen');
      await send(ada, 'missed 1');
      await send(ada, 'missed 2');
      const bo = await client('Bo', seenId, {}, false);
      const boInbox = inbox(bo);
      bo.connect();
      await boInbox.until((seen) => seen.length >= 2);
      assert.deepEqual(texts(boInbox.seen.filter((m) => m.id > seenId)), [
        'missed 1',
        'missed 2',
      ]);
      assert.ok(
        boInbox.seen.every((m) => m.id !== seenId),
        'not the one it saw',
      );
    });

    test(`a first connection (offset 0) gets the last ${CATCH_UP_MAX} messages, and a made-up offset counts as 0`, async () => {
      const ada = await client('Ada');
      for (let i = 1; i <= CATCH_UP_MAX + 5; i++) await send(ada, `m${i}`);
      for (const serverOffset of [0, 'x', -3, 1.5]) {
        const late = await client('Late', serverOffset, {}, false);
        const lateInbox = inbox(late);
        late.connect();
        await lateInbox.until((seen) => seen.length >= CATCH_UP_MAX);
        assert.equal(lateInbox.seen[0]!.text, 'm6', JSON.stringify(serverOffset));
        assert.equal(lateInbox.seen.at(-1)!.text, `m${CATCH_UP_MAX + 5}`);
      }
    });

    // Recovered by Socket.IO (one server), or caught up by its offset: with the Redis streams adapter 0.3
    // a client that only got broadcasts from the other server holds no offset Socket.IO can recover from.
    test('a client whose connection drops gets what was sent meanwhile when it is back, each once and in order', async () => {
      const ada = await client('Ada');
      const bo = await client('Bo');
      const adaInbox = inbox(ada);
      await send(bo, 'before');
      await adaInbox.until((seen) => seen.length === 1);
      const gone = nextEvent(ada, 'disconnect');
      drop(ada);
      await gone;
      for (const text of ['one', 'two', 'three']) await send(bo, text);
      await nextEvent(ada, 'connect', 5000);
      await adaInbox.until((seen) => seen.length >= 4);
      assert.deepEqual(texts(adaInbox.seen), ['before', 'one', 'two', 'three']);
    });

    test('a retried send (the same client offset) is stored once and answered with the same id', async () => {
      const ada = await client('Ada');
      const bo = await client('Bo'); // on the other server, when there are two
      const first = await send(ada, 'only once', 'page-1');
      const retry = await send(bo, 'only once', 'page-1');
      assert.equal(retry, first);
      const late = await client('Late', 0, {}, false);
      const lateInbox = inbox(late);
      late.connect();
      await lateInbox.until((seen) => seen.length >= 1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.deepEqual(texts(lateInbox.seen), ['only once']);
    });

    test('with ackTimeout and retries, a send cut off by a drop goes out again when the client is back, and is stored once', async () => {
      const ada = await client('Ada', 0, { ackTimeout: 1000, retries: 5 });
      const bo = await client('Bo');
      const boInbox = inbox(bo);
      const sent = ada.emitWithAck('message:send', 'through the tunnel', 'ada-tunnel');
      drop(ada); // the packet may or may not have left: either way it is retried
      const answer = await sent;
      assert.equal(answer.ok, true);
      await boInbox.until((seen) => seen.some((m) => m.text === 'through the tunnel'));
      const late = await client('Late', 0, {}, false);
      const lateInbox = inbox(late);
      late.connect(); // a new session with offset 0: it gets the stored messages
      await lateInbox.until((seen) => seen.length >= 1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.deepEqual(texts(lateInbox.seen), ['through the tunnel']);
      assert.ok(
        new Set(boInbox.seen.map((m) => m.id)).size === 1,
        'one id, however often it was sent',
      );
    });

    test('a message without a good client offset is refused, and nobody gets anything', async () => {
      const ada = await client('Ada');
      const bo = await client('Bo');
      const heard = collect<Message>(bo, 'message', 300);
      for (const bad of [undefined, '', 'x'.repeat(65), 'has space', 42]) {
        const answer = await (ada as unknown as Socket).emitWithAck(
          'message:send',
          'hello',
          bad,
        );
        assert.equal(answer.ok, false, JSON.stringify(bad));
        assert.match(answer.error, /client offset/);
      }
      assert.deepEqual(await heard, []);
    });
  });
