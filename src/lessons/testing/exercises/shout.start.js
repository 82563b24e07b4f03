// Your server: `io` is a real Socket.IO Server, running in this page.
// Press Run and the demo above connects to it instead of the workshop's.
io.on('connection', (socket) => {
  socket.on('shout', (text, ack) => {
    if (typeof text !== 'string' || text.trim() === '') {
      return ack?.({ ok: false, error: 'Shout some text.' });
    }
    const loud = `${text.trim().toUpperCase()}!`;
    // 1. Send "shouted" with { from: socket.data.name, text: loud } to everyone but this socket.
    // 2. Answer this very shout (the client may send no callback: call it as ack?.(…)):
    //    { ok: true, text: loud }.
  });
});
