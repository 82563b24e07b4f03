// Your server: `io` is a real Socket.IO Server, running in this page, with connection
// state recovery on. `history` keeps the messages: `await history.nextId()` gives the next
// id (the offset), `history.add(room, message, clientOffset)` stores one,
// `history.sentAs(clientOffset)` finds one stored under that client offset, and
// `history.recent(room, max, afterId)` gives the newest `max` after an id, oldest first.
io.on('connection', async (socket) => {
  socket.on('message:send', async (text, clientOffset, ack) => {
    // 2. A retry comes with the same clientOffset. If history.sentAs(clientOffset) has it
    //    already, send that one again and answer with its id: store nothing twice.
    const id = await history.nextId();
    const message = { id, user: socket.data.name, text, at: Date.now() };
    await history.add('all', message, clientOffset); // stored before it is sent
    io.emit('message', message);
    // 1. Answer the sender { ok: true, id }: without an answer, its client sends the
    //    message again after 5 seconds (it has `ackTimeout` and `retries`).
  });

  // 3. A new session (not socket.recovered) says in socket.handshake.auth.serverOffset the
  //    last id it saw: send it what came after, at most CATCH_UP_MAX (50), from
  //    history.recent('all', CATCH_UP_MAX, offset).
  //    A client may send anything there: use it only if it is a whole number.
});
