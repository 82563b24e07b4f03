// Your server: `io` is a real Socket.IO Server, running in this page.
// Press Run and the demo above connects to it instead of the workshop's.
let count = 0;

io.on('connection', (socket) => {
  // A new client gets the count as it is now: to this socket only.
  socket.emit('number:change', count);

  socket.on('increment', () => {
    count += 1;
    // 1. Tell every client, the sender included, the new count ("number:change").
  });

  // 2. Handle "decrement" the same way.

  // 3. Greet the client: emit "welcome" with { message: `Welcome, ${socket.data.name}!` }.
});
