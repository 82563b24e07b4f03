// The poll's server as a reader writes it in an app of their own, typed by
// the four maps. Run it with `node standalone.ts` (PORT=0 picks a free port;
// REDIS_URL links it to the other servers on that Redis).
// #region typed-server
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import {
  CHOICES,
  type ClientToServerEvents,
  type InterServerEvents,
  type ServerToClientEvents,
  type SocketData,
} from './events.ts';

const httpServer = createServer();
// The order matters: what the server hears, what it sends, between servers, on each socket.
const io = new Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>(httpServer);

io.use((socket, next) => {
  // `auth` comes from the client: it is `any` to the types, so check it.
  const { name } = socket.handshake.auth;
  socket.data.name =
    typeof name === 'string' && name.trim() ? name.trim().slice(0, 24) : 'Guest';
  next();
});

io.on('connection', (socket) => {
  socket.on('poll:vote', (choice, ack) => {
    // The types describe honest clients; what arrives is still checked.
    if (!CHOICES.includes(choice))
      return ack?.({ ok: false, error: 'Vote "tabs" or "spaces".' });
    socket.data.choice = choice; // SocketData: only a Choice fits
    console.log(`${socket.data.name} votes ${choice}`);
    ack?.({ ok: true, choice }); // the map's callback: the reply must be a VoteReply
  });
});
// #endregion

// #region inter-server
// Servers on one Redis can talk to each other: InterServerEvents types what they say.
const serverName = process.env.SERVER_NAME ?? `Server ${process.pid}`;
if (process.env.REDIS_URL) {
  const redis = createClient({ url: process.env.REDIS_URL });
  await redis.connect();
  io.adapter(createAdapter(redis));
  io.on('poll:hello', (from) => console.log(`${from} is up too`));
  io.serverSideEmit('poll:hello', serverName); // to every other server, never to a client
}
// #endregion

httpServer.listen(Number(process.env.PORT ?? 3000), () => {
  const { port } = httpServer.address() as AddressInfo;
  console.log(`${serverName} listening on http://localhost:${port}`);
});
