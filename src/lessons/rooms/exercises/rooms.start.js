// Your server: `io` is a real Socket.IO Server, running in this page.
// Press Run and the demo above connects to it instead of the workshop's.
// The event names are the lesson's constants (IO_CLIENT_JOIN_ROOM is 'IO_CLIENT_JOIN_ROOM', …).

// The room map: every named room with its members, to everyone. Each socket knows its rooms.
async function sendRooms() {
  const rooms = new Map();
  for (const socket of await io.fetchSockets()) {
    for (const room of socket.rooms) {
      if (room === socket.id) continue; // every socket is in a room named by its id
      const members = rooms.get(room) ?? [];
      members.push({ id: socket.id, name: socket.data.name });
      rooms.set(room, members);
    }
  }
  io.emit(
    IO_SERVER_ROOMS,
    [...rooms].map(([room, members]) => ({ room, members })),
  );
}

io.on('connection', (socket) => {
  sendRooms();

  socket.on(IO_CLIENT_JOIN_ROOM, (room, ack) => {
    // 1. Put this socket in `room`, then send everyone the new map: sendRooms().
    ack?.({ ok: true });
  });

  socket.on(IO_CLIENT_LEAVE_ROOM, (room, ack) => {
    // 2. Take it out of `room`, and send the new map.
    ack?.({ ok: true });
  });

  socket.on(IO_CLIENT_HELLO, (text, ack) => {
    const rooms = [...socket.rooms].filter((room) => room !== socket.id);
    // 3. Send IO_SERVER_HELLO with `${socket.data.name} says: ${text}` to everyone in
    //    those rooms but this socket (and nobody outside them).
    ack?.({ ok: true });
  });

  socket.on('disconnect', sendRooms); // it has left all its rooms
});
