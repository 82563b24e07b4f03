// Your server: `io` is a real Socket.IO Server in this page, typed by the lesson's four maps, as
// new Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>() is.
// Type errors are underlined as you type, and listed below.

async function sendTally() {
  const sockets = await io.timeout(ANSWER_MS).fetchSockets();
  const tally = { tabs: 0, spaces: 0 };
  // 2. Count the votes: each s.data.choice is 'tabs', 'spaces' or undefined (SocketData says so).
  io.emit('poll:tally', tally);
}
// Sent once things are quiet after a change.
const tallyChanged = whenSettled(sendTally, { quietMs: TALLY_QUIET_MS });

io.on('connection', (socket) => {
  tallyChanged();

  socket.on('poll:vote', (choice, ack) => {
    // 1. Keep the vote in socket.data.choice, answer through ack?.(…) with { ok: true, choice },
    //    and call tallyChanged(). Try answering { ok: true } alone first: what does TypeScript say?
  });

  socket.on('disconnect', tallyChanged);
});
