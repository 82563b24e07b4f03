import type { AddressInfo } from 'node:net';
// One server of many, in plain Socket.IO, as in an app of your own: the page's Redis
// lines are cut from here, and server.test.ts runs two of these on one Redis
// (`node src/lessons/scaling-out/plain-server.ts` with REDIS_URL and PORT).

// #region redis
import { createServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import { Server } from 'socket.io';

const redis = createClient({ url: process.env.REDIS_URL });
await redis.connect();

const httpServer = createServer();
const io = new Server(httpServer, { adapter: createAdapter(redis) });
// #endregion

// #region here-or-everywhere
io.on('connection', (socket) => {
  socket.join('news');
  // Through the adapter: the clients in `news` on every server.
  socket.on('shout', (text: string) => io.to('news').emit('shout', text));

  socket.on('count', async (ack: (answer: object) => void) => {
    if (typeof ack !== 'function') return;
    try {
      const everywhere = await io.fetchSockets(); // asks every server, waits for each
      ack({
        here: io.of('/').sockets.size, // this process's sockets only
        newsHere: io.of('/').adapter.rooms.get('news')?.size ?? 0, // and its own rooms
        everywhere: everywhere.length,
      });
    } catch {
      ack({ error: 'A server did not answer in time.' }); // a server away: a timeout
    }
  });
});
// #endregion

httpServer.listen(Number(process.env.PORT ?? 3000), () => {
  // Started by the test as a child process: it says on which port.
  process.send?.((httpServer.address() as AddressInfo).port);
});
