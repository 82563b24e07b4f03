// The whole server of the first app: Express serves the page, Socket.IO the
// live connection, both on one port. Start it from this folder: `npm start`.
// #region setup
import { createServer } from 'node:http';
import express from 'express';
import { Server } from 'socket.io';

const app = express();
// Express answers the requests; Node's HTTP server carries them...
const httpServer = createServer(app);
// ...and Socket.IO takes the ones under /socket.io/ (its client script too).
const io = new Server(httpServer);

// Everything in public/ as it is: "/" is public/index.html. The path is
// relative to the folder you start node in.
app.use(express.static('public'));
// #endregion

// #region sockets
// A middleware runs once per client, before `connection`: next() lets it in,
// next(error) turns it away, and the client gets `connect_error`.
io.use((socket, next) => {
  if (socket.handshake.auth.name === 'Mallory') {
    return next(new Error('Mallory is not welcome here.'));
  }
  next();
});

io.on('connection', (socket) => {
  console.log('%s connected', socket.id);
  // To this client only; its id is the same on both sides.
  socket.emit('welcome', `Welcome! The server knows you as ${socket.id}.`);

  // The server can end a connection too: the client hears "io server disconnect".
  socket.on('goodbye', () => {
    socket.disconnect();
  });

  socket.on('disconnect', (reason) => {
    console.log('%s disconnected: %s', socket.id, reason);
  });
});
// #endregion

// #region listen
// The HTTP server listens, not the app: `app.listen()` would make a second
// server that Socket.IO knows nothing about. PORT=0 picks any free port.
httpServer.listen(Number(process.env.PORT ?? 3000), () => {
  console.log(`Listening on http://localhost:${httpServer.address().port}`);
});
// #endregion
