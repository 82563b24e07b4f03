import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { type Running, SERVERS, startApp } from '../../../test/harness.ts';
import { IO_CLIENT_HELLO, IO_CLIENT_JOIN_ROOM, MAP_QUIET_MS } from './contract.ts';
import {
  mapOf,
  NSP,
  openThree,
  type Refusal,
  type RoomsClient,
  refusedQuietly,
} from './test-helpers.ts';

// The workshop's side of this lesson (payload validation, servers that do not answer),
// on Node only. The lesson's own contract is in contract.test.ts, which runs in a
// browser page too.

for (const servers of SERVERS)
  describe(`rooms ${servers.name}`, () => {
    let server: Running;
    // With two servers: Ada and Cy on server A, Bo on server B.
    let ada: RoomsClient, bo: RoomsClient, cy: RoomsClient;

    beforeEach(async () => {
      server = await startApp({}, { servers: servers.count });
      [ada, bo, cy] = await openThree(server);
    });
    afterEach(async () => {
      await server.close();
    });

    test('every payload the contract refuses answers with a sentence and changes nothing', async () => {
      const cases: Refusal[] = [
        [IO_CLIENT_JOIN_ROOM, [''], /cannot be empty/],
        [IO_CLIENT_JOIN_ROOM, ['   '], /cannot be empty/],
        [IO_CLIENT_JOIN_ROOM, ['x'.repeat(33)], /at most 32 characters/],
        [IO_CLIENT_JOIN_ROOM, [42], /must be a string/],
        [IO_CLIENT_HELLO, [''], /cannot be empty/],
        [IO_CLIENT_HELLO, ['x'.repeat(501)], /at most 500/],
      ];
      await refusedQuietly({ ada, bo, cy }, cases);
    });

    test('when the servers do not answer, joining still answers, and the map follows once they do', async () => {
      const adapter = server.apps[0]!.io.of(NSP).adapter;
      const fetchSockets = adapter.fetchSockets;
      adapter.fetchSockets = () =>
        Promise.reject(new Error('timeout reached: missing 1 responses'));
      const map = mapOf(cy, { red: ['Ada'] });
      assert.deepEqual(await ada.emitWithAck(IO_CLIENT_JOIN_ROOM, 'red'), { ok: true });
      await new Promise((resolve) => setTimeout(resolve, MAP_QUIET_MS * 2)); // a try or two fails meanwhile
      adapter.fetchSockets = fetchSockets;
      await map; // close() checks that nothing was logged as an error
    });
  });
