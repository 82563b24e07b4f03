import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFrame } from './frames.ts';

// The frames below were copied from the demo's inspector.

test('the Engine.IO frames are named by their first digit', () => {
  assert.match(readFrame('0{"sid":"abc","pingInterval":25000}', 'received'), /^open:/);
  assert.match(readFrame('2', 'received'), /^ping:/);
  assert.match(readFrame('3', 'sent'), /^pong:/);
});

test('an event names itself and its namespace, and says when it asks for an answer', () => {
  assert.equal(
    readFrame('42/debugging,["increment"]', 'sent'),
    'message + event "increment" on /debugging',
  );
  assert.equal(
    readFrame('42/debugging,3["ask:time"]', 'sent'),
    'message + event "ask:time" on /debugging, asking for an answer (ack id 3)',
  );
  assert.equal(
    readFrame('42["count",4,"1-0"]', 'received'),
    'message + event "count" on /',
  );
});

test('an answer names the ack id it answers', () => {
  assert.equal(
    readFrame('43/debugging,3[{"ok":true,"time":1}]', 'received'),
    'message + ack: the answer for ack id 3 on /debugging',
  );
});

test('a connect says what it asks and, back from the server, the socket id', () => {
  assert.equal(
    readFrame('40/debugging,{"name":"Ada"}', 'sent'),
    'message + connect: asks to join /debugging, with its auth',
  );
  assert.equal(
    readFrame('40/debugging,{"sid":"xyz","pid":"p"}', 'received'),
    'message + connect: joined /debugging as socket xyz',
  );
});
