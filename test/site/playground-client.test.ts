import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientFor } from '../../src/components/playground/defaults.ts';

test("the playground's client for a lesson's code finds its events by name, written out or as the lesson's constants", () => {
  const server = [
    "io.on('connection', (socket) => {",
    '  socket.on(IO_CLIENT_HELLO, (text, ack) => ack?.({ ok: true }));',
    "  socket.on('question:send', ({ text }, ack) => ack?.(text));",
    '  socket.emit(IO_SERVER_ROOMS, []);',
    '});',
  ].join('\n');
  const client = clientFor(server, { IO_CLIENT_HELLO: 'hello', IO_SERVER_ROOMS: 'rooms:update' });
  assert.match(client, /socket\.on\('rooms:update'/);
  assert.match(client, /page\.button\('hello'\)/);
  assert.match(client, /page\.button\('question:send'\)/);
  // What the Data box holds goes with each send, and the answer is logged.
  assert.match(client, /socket\.emit\('question:send', \.\.\.payload\(\), \(\.\.\.answer\) =>/);
  assert.doesNotMatch(clientFor(server), /IO_CLIENT_HELLO/); // a name it does not know is left out
});
