// Your server: `io` is a real Socket.IO Server, running in this page. `history` keeps each
// room's messages: `await history.nextId()` gives the next id, `history.add(room, message)`
// stores one, and `history.recent(room, HISTORY_LENGTH)` gives the room's last 50.

// Who is in a room, asked of Socket.IO itself, to everyone in it.
async function sendRoomData(room) {
  const sockets = await io.in(room).fetchSockets();
  const users = sockets.map((s) => ({ id: s.id, name: s.data.member.name }));
  io.to(room).emit('roomData', { room, users });
}

// A join or leave notice: a message of the room's, kept in its history.
async function notice(room, text) {
  const message = { id: await history.nextId(), system: true, text, at: Date.now() };
  await history.add(room, message);
  return message;
}

io.on('connection', (socket) => {
  socket.on('join', async ({ name, room }, ack) => {
    socket.data.member = { name, room };
    // 1. Put the socket in the room, tell the others there `${name} joined` (a notice,
    //    as "disconnect" does below), and send the room its new list: sendRoomData(room).
    ack?.({ ok: true, history: await history.recent(room, HISTORY_LENGTH) });
  });

  socket.on('sendMessage', async (text, ack) => {
    const member = socket.data.member;
    if (!member)
      return ack?.({ ok: false, error: 'Join a room before sending messages.' });
    const message = {
      id: await history.nextId(),
      user: member.name,
      text,
      at: Date.now(),
    };
    await history.add(member.room, message);
    // 2. Send the message to the others in the room: the sender's page shows it already.
    ack?.({ ok: true, id: message.id, at: message.at });
  });

  socket.on('privateMessage', async ({ to, text }, ack) => {
    // 3. `to` is the recipient's socket id, and so the name of a room it is in. Send
    //    { id, user, text, at, to: <its name>, private: true } to it and to the sender
    //    (both rooms in one emit), and answer { ok: true, id }.
    ack?.({ ok: false, error: 'Private messages are not written yet.' });
  });

  socket.on('typing', (typing) => {
    const member = socket.data.member;
    // Volatile: a notice the connection cannot take now is dropped, not sent late.
    if (member)
      socket.to(member.room).volatile.emit('typing', { user: member.name, typing });
  });

  socket.on('disconnect', async () => {
    const member = socket.data.member;
    if (!member) return;
    socket
      .to(member.room)
      .emit('message', await notice(member.room, `${member.name} left`));
    sendRoomData(member.room);
  });
});
