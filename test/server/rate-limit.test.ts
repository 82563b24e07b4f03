import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Socket } from 'socket.io-client';
import { RATES } from '../../src/server/plumbing/rate-limit.ts';
import { chatters, collect, connected, settle, startApp } from '../harness.ts';
import { rawClient } from '../raw.ts';

const BURST = RATES.message.burst;

test('a chat flood is refused after the burst, for that person only', async () => {
  const server = await startApp();
  try {
    const [ada, bo] = (await chatters(server, ['Ada', 'Bo'])) as [Socket, Socket];
    const heard = collect<{ text: string }>(bo, 'message', 300);
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => ada.emitWithAck('sendMessage', `spam ${i}`)),
    );
    const refused = answers.filter((a) => !a.ok);
    const allowed = BURST - 1; // her join ("Ada joined", read by the room) was one
    assert.equal(answers.length - refused.length, allowed);
    assert.ok(refused.every((a) => a.error === 'Too many messages, slow down'));
    assert.equal((await heard).length, allowed, 'only the accepted messages reached Bo');
    assert.equal((await bo.emitWithAck('sendMessage', 'my turn')).ok, true, "Bo's own allowance is untouched");
  } finally {
    await server.close();
  }
});

test('leaving and re-entering the chat on one connection does not refill the allowance', async () => {
  const server = await startApp();
  try {
    // What a script does by hand: CONNECT, join, send, DISCONNECT, CONNECT again…
    const mallory = await rawClient(server.url);
    let accepted = 0;
    let ackId = 0;
    for (let round = 0; round < 6; round++) {
      mallory.send('40/chat,');
      await mallory.next('40/chat,');
      mallory.send(`42/chat,${++ackId}["join",{"name":"Mallory${round}","room":"lobby"}]`);
      await mallory.next(`43/chat,${ackId}[`);
      for (let i = 0; i < 10; i++) {
        mallory.send(`42/chat,${++ackId}["sendMessage","spam ${round}.${i}"]`);
        if ((await mallory.next(`43/chat,${ackId}[`)).includes('"ok":true')) accepted++;
      }
      mallory.send('41/chat,');
      await settle(20); // the server acts on a DISCONNECT a tick later; nothing answers it
    }
    assert.ok(accepted <= BURST + 2, `${accepted} messages accepted over six visits`);
    mallory.close();
  } finally {
    await server.close();
  }
});

test('two sockets of one address share its allowance; another address has its own', async () => {
  const server = await startApp();
  try {
    const from = '127.0.9.9';
    const sockets = [server.open('/chat', undefined, from), server.open('/chat', undefined, from)];
    await Promise.all(sockets.map((s) => connected(s)));
    for (const [i, s] of sockets.entries()) await s.emitWithAck('join', { name: `Twin${i}`, room: 'twins' });
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => sockets[i % 2]!.emitWithAck('sendMessage', `hi ${i}`)),
    );
    assert.equal(answers.filter((a) => a.ok).length, BURST - 2, 'the two joins were two of them');
  } finally {
    await server.close();
  }
});

test('what others read counts as a message: joining the chat again and again, or posting to everyone, stops at the burst', async () => {
  const server = await startApp();
  try {
    const from = '127.0.9.10';
    const chatter = await server.client('/chat', {}, from);
    const joins = [];
    for (let i = 0; i < 15; i++)
      joins.push(await chatter.emitWithAck('join', { name: `Mallory${i}`, room: `room${i}` }));
    assert.equal(joins.filter((a) => a.ok).length, BURST);
    const poster = await server.client('/emit-vs-broadcast', {}, '127.0.9.11');
    const posts = await Promise.all(
      Array.from({ length: 15 }, (_, i) => poster.emitWithAck('emit:all', { text: `hi ${i}` })),
    );
    assert.equal(posts.filter((a) => a.ok).length, BURST);
  } finally {
    await server.close();
  }
});
