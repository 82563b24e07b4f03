// Run by admin-ui.test.ts in a process of its own: a server with the admin UI on, sent one
// deeply nested event by a raw client. It prints "still running" if that did not end it.
import { once } from 'node:events';
import { createServer } from 'node:http';
import { createApp } from '../../src/server/app.ts';
import { rawClient } from '../raw.ts';

const httpServer = createServer();
const app = createApp(httpServer, { instructorToken: 'test-token-for-the-instructor' });
httpServer.listen(0, '127.0.0.1');
await once(httpServer, 'listening');
const { port } = httpServer.address() as { port: number };
const raw = await rawClient(`http://127.0.0.1:${port}`);
raw.send('40/sockets-intro,');
await raw.next('40/sockets-intro');
const depth = 7000; // about 14 KB: under the message size limit
raw.send(`42/sockets-intro,["nothing",${'['.repeat(depth)}1${']'.repeat(depth)}]`);
setTimeout(async () => {
  console.log('still running');
  raw.close();
  await app.close();
  process.exit(0);
}, 1000);
