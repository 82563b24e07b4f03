import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { Socket } from 'socket.io-client';
import {
  collect,
  nextEvent,
  type Running,
  SERVERS,
  startApp,
} from '../../../test/harness.ts';
import { rawClient } from '../../../test/raw.ts';
import { FILE_NEW, FILE_SEND, VALUE_NEW, VALUE_SEND } from './contract.ts';
import { bytesOf, type Client, NSP, nextArgs } from './test-helpers.ts';

// The companion app's maxHttpBufferSize (MAX_MESSAGE_BYTES in src/server/app.ts; a lesson does not import the app).
const MAX_MESSAGE_BYTES = 16 * 1024;

// On Node only: what the browser's contract run cannot do (raw frames, the
// message size limit of the companion app, recovery across servers).

for (const servers of SERVERS) {
  describe(`what-you-can-send ${servers.name}`, () => {
    let server: Running;
    beforeEach(async () => {
      server = await startApp({}, { servers: servers.count });
    });
    afterEach(async () => {
      await server.close();
    });

    test("a message over the server's size limit closes that one connection; the others go on", async () => {
      const mallory: Client = await server.client(
        NSP,
        { name: 'Mallory' },
        undefined,
        0,
      );
      const ada: Client = await server.client(NSP, { name: 'Ada' }, undefined, 0);
      const bo: Client = await server.client(NSP, { name: 'Bo' });
      const dropped = nextEvent(mallory as unknown as Socket, 'disconnect');
      mallory.emit(FILE_SEND, {
        name: 'huge',
        type: '',
        bytes: new Uint8Array(MAX_MESSAGE_BYTES + 1),
      });
      assert.equal(await dropped, 'transport close');
      const heard = nextArgs(bo, FILE_NEW);
      assert.deepEqual(
        await ada.emitWithAck(FILE_SEND, {
          name: 'ok',
          type: '',
          bytes: new Uint8Array([1]),
        }),
        {
          ok: true,
        },
      );
      assert.deepEqual(bytesOf(((await heard)[0] as { bytes: unknown }).bytes), [1]);
    });

    test('a binary packet that announces more attachments than allowed closes its connection, and the server goes on', async () => {
      const raw = await rawClient(server.url);
      raw.send(`40${NSP},`);
      await raw.next(`40${NSP},`);
      // More attachments than socket.io-parser takes (10): it refuses to wait for them.
      raw.send(`4511-${NSP},["${FILE_SEND}",{"_placeholder":true,"num":0}]`);
      await raw.closed;
      const ada: Client = await server.client(NSP, { name: 'Ada' });
      const bo: Client = await server.client(NSP, { name: 'Bo' });
      const heard = nextArgs(bo, VALUE_NEW);
      await ada.emitWithAck(VALUE_SEND, 'still here', 'a string');
      assert.equal((await heard)[0], 'still here');
    });

    // Socket.IO's in-memory adapter keeps no volatile broadcast for recovery;
    // @socket.io/redis-streams-adapter 0.3 writes every broadcast to its stream, and replays them all.
    const replaysVolatile = servers.count > 1;
    test(`a client back from a short drop gets the values it missed, and ${replaysVolatile ? 'the files too (the Redis stream replays volatile ones)' : 'not the files (volatile ones are not kept)'}`, async () => {
      const ada: Client = await server.client(NSP, { name: 'Ada' });
      const bo: Client = await server.client(NSP, { name: 'Bo' });
      // Recovery starts from the last event the client got: it needs one.
      const first = nextArgs(bo, VALUE_NEW);
      await ada.emitWithAck(VALUE_SEND, 'before', 'a string');
      await first;
      const dropped = nextEvent(bo as unknown as Socket, 'disconnect');
      bo.io.engine.transport.close(); // the network went away
      await dropped;
      await ada.emitWithAck(FILE_SEND, {
        name: 'gone',
        type: '',
        bytes: new Uint8Array([1, 2]),
      });
      await ada.emitWithAck(VALUE_SEND, 'kept', 'a string');
      const values = collect(bo as unknown as Socket, VALUE_NEW, 1500);
      const files = collect(bo as unknown as Socket, FILE_NEW, 1500);
      await nextEvent(bo as unknown as Socket, 'connect', 3000); // the Manager's first attempt, after about a second
      assert.equal(bo.recovered, true);
      assert.deepEqual(await values, ['kept']);
      assert.deepEqual((await files).length, replaysVolatile ? 1 : 0);
    });
  });
}
