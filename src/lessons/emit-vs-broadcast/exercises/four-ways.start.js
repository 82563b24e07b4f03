// Your server: `io` is a real Socket.IO Server, running in this page.
// Press Run and the demo above connects to it instead of the workshop's.

// Everyone connected, to everyone, whenever someone comes or goes: "Send to..." lists them.
async function sendClients() {
  const sockets = await io.fetchSockets();
  io.emit(
    'clients',
    sockets.map((s) => ({ id: s.id, name: s.data.name })),
  );
}

io.on('connection', (socket) => {
  const from = { id: socket.id, name: socket.data.name };
  sendClients();

  // The last argument is the client's callback: { ok: true } tells it the send was done.
  socket.on('emit:self', ({ text }, ack) => {
    socket.emit('message', { from, kind: 'self', text }); // back to the sender only
    ack?.({ ok: true });
  });

  socket.on('emit:all', ({ text }, ack) => {
    // 1. To every client, the sender included: { from, kind: 'all', text }.
    ack?.({ ok: true });
  });

  socket.on('emit:others', ({ text }, ack) => {
    // 2. To every client except the sender: { from, kind: 'others', text }.
    ack?.({ ok: true });
  });

  socket.on('emit:to', ({ to, text }, ack) => {
    // 3. To the one client whose socket id is `to`: { from, kind: 'direct', text }.
    //    (Every socket is alone in a room named by its id.)
    ack?.({ ok: true });
  });

  socket.on('disconnect', sendClients);
});
