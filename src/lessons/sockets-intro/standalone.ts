// The counter as a reader writes it in an app of their own: one file, one
// process. Run it with `node standalone.ts` (PORT=0 picks a free port).
// #region standalone
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

// Your pages: here one line of HTML; with Express, `createServer(app)`.
const httpServer = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html' });
  res.end('<script src="/socket.io/socket.io.js"></script>');
});
// Socket.IO answers what comes under /socket.io/; the rest goes to your pages.
const io = new Server(httpServer);

// One process: a variable is enough. (With several, keep it in a shared store.)
let count = 0;

io.on('connection', (socket) => {
  socket.emit('number:change', count); // to this client: the state so far

  socket.on('increment', () => {
    count++;
    io.emit('number:change', count); // to everyone, the sender included
  });

  socket.on('decrement', () => {
    count--;
    io.emit('number:change', count);
  });

  socket.on('disconnect', (reason) => {
    console.log(`${socket.id} left (${reason})`);
  });
});

// The HTTP server listens, not Socket.IO: one port for the pages and the sockets.
httpServer.listen(Number(process.env.PORT ?? 3000), () => {
  const { port } = httpServer.address() as AddressInfo;
  console.log(`Listening on http://localhost:${port}`);
});
// #endregion
