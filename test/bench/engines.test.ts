import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { IncomingMessage } from 'node:http';
import { test } from 'node:test';
import { WebSocket } from 'ws';
import { type EngineName, engineOptions } from '../../bench/servers/engines.ts';
import { startApp } from '../harness.ts';

/** The extensions the server agreed to when a WebSocket that offers per-message deflate (as `ws` and browsers do) connects. */
async function negotiated(name: EngineName) {
  const engine = engineOptions(name);
  assert.ok(engine && !('missing' in engine));
  const running = await startApp({ engine });
  try {
    const socket = new WebSocket(`${running.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
    const [response] = (await once(socket, 'upgrade')) as [IncomingMessage];
    socket.close();
    return response.headers['sec-websocket-extensions'] ?? 'none';
  } finally {
    await running.close();
  }
}

test("the bench's transport settings reach Engine.IO: the shipped one declines per-message deflate, the deflate ones take it", async () => {
  assert.equal(await negotiated('ws'), 'none');
  assert.match(await negotiated('deflate'), /^permessage-deflate/);
  assert.match(await negotiated('deflate-all'), /^permessage-deflate/);
});
