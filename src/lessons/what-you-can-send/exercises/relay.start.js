// Your server: `io` is a real Socket.IO Server, running in this page.
// Press Run and the demo above connects to it instead of the workshop's.
io.on('connection', (socket) => {
  socket.on('value:send', (value, label) => {
    // 1. Pass it on to everyone but the sender, as "value:new" with three
    //    arguments: the value, its label, and the sender's name (socket.data.name).
  });

  // 2. Handle "file:send": its one argument is an object { name, type, bytes }.
  //    Pass it on to everyone but the sender as "file:new", with
  //    `from: socket.data.name` added, and volatile: socket.broadcast.volatile.emit(…).
});
