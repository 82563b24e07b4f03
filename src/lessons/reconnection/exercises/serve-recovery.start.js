// Your server: `io` is a real Socket.IO Server, running in this page, made with
// connection state recovery on, as new Server({ connectionStateRecovery: {} }).
// `counter` is a shared counter: `await counter.add(1)` adds one and gives the new value.
io.on('connection', async (socket) => {
  socket.on('message:send', async ({ text }) => {
    // 1. Number the message: take the next number from `counter`, and send
    //    { n, from: socket.data.name, text } to everyone as "message:new".
  });

  // 2. A new session needs to know where the numbers stand: send it "session:start"
  //    with { lastMessage: await counter.get() }. A recovered one (socket.recovered)
  //    has what it missed replayed instead, and needs nothing more.
  //    (A client comes back recovered only once it has had something from the server:
  //    what it had last is where the replay starts.)
});
