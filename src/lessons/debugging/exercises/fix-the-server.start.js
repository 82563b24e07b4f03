// Your server: `io` is a real Socket.IO Server, running in this page.
// Press Run and the demo above connects to it instead of the workshop's.
// It has three bugs. Use the demo's buttons and read the frames: each bug shows there.
io.on('connection', async (socket) => {
  socket.on('incremnt', async () => {
    io.emit('count', await counter.add(1));
  });

  socket.on('ask:time', () => {
    socket.emit('time', { ok: true, time: Date.now() });
  });

  socket.on('wave', () => {
    socket.volatile.emit('waved', { from: socket.data.name });
  });

  // 4. Then add a catch-all: socket.onAny((event) => …) that sends this socket
  //    "unheard" with { event } when nothing listens to that event
  //    (socket.listeners(event).length === 0).

  socket.emit('count', await counter.get());
});
