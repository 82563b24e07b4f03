// Your server: `io` is a real Socket.IO Server, running in this page.
// Press Run and the demo above connects to it instead of the workshop's.

// 3. Turn Mallory away: a middleware, io.use((socket, next) => ...), that
//    calls next(new Error('...')) when socket.handshake.auth.name is 'Mallory',
//    and next() for everyone else.

io.on('connection', (socket) => {
  log('%s connected', socket.id);

  // 1. Welcome this client: emit "welcome" to it, a sentence with its id.

  // 2. When it says "goodbye", disconnect it.

  socket.on('disconnect', (reason) => {
    log('%s disconnected: %s', socket.id, reason);
  });
});
