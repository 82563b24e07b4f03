// Your server: `io` is a real Socket.IO Server, running in this page.
// This is the old tutorial's server as it was. Press Run, then try the demo's buttons.
let clicks = 0;

io.on('connection', (socket) => {
  socket.on('increment', () => {
    clicks++;
    io.emit('number:change', clicks);
  });

  // 1. Decrement never works (and +1 seems to do nothing): find out why, and fix it.
  socket.on('increment', () => {
    clicks--;
    io.emit('number:change', clicks);
  });

  // 2. A newcomer shows "…" until someone clicks: send it the count, to this socket only.
});
