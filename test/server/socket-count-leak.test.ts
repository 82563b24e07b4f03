import assert from 'node:assert/strict';
import { test } from 'node:test';
import WebSocket from 'ws';
import { startApp } from '../harness.ts';

const TOKEN = 'test-token-for-the-instructor';
const FROM = '127.9.9.9';
function connectAndDrop(url: string, nsp: string, auth: object) {
  return new Promise<void>((resolve) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`, {
      localAddress: FROM,
    });
    ws.on('message', (data) => {
      if (String(data).startsWith('0')) {
        ws.send(`40${nsp},${JSON.stringify(auth)}`);
        ws.close();
      }
    });
    ws.on('close', () => resolve());
    ws.on('error', () => resolve());
  });
}
// Found by a review: connections closed while a class's checks waited on Redis were counted and never given back.
test('an address that dropped 40 connections mid-handshake can still open its 10 sockets', async () => {
  const server = await startApp({ instructorToken: TOKEN, maxSocketsPerIp: 10 }, { servers: 2 });
  try {
    const instructor = await server.client('/instructor', { token: TOKEN }, undefined, 0);
    const code = (await instructor.emitWithAck('class:create', { title: 'Leak' })).code;
    for (let i = 0; i < 40; i++)
      await connectAndDrop(server.url, `/class/${code}`, {
        name: `Bot${i}`,
        key: `bot-key-0000000${String(i).padStart(2, '0')}`,
      });
    await new Promise((r) => setTimeout(r, 500)); // the drops' checks finish on the server
    let ok = 0;
    for (let i = 0; i < 10; i++) {
      const page = server.open('/sockets-intro', undefined, FROM, 0);
      const got = await new Promise<boolean>((resolve) => {
        page.once('connect', () => resolve(true));
        page.once('connect_error', () => resolve(false));
      });
      if (got) ok++;
    }
    assert.equal(ok, 10);
  } finally {
    await server.close();
  }
});
