// Your server: `io` is a real Socket.IO Server, running in this page.
// Press Run and the demo above connects to it instead of the workshop's.
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const QUESTION = { text: 'What is your favourite number?' };

io.on('connection', (socket) => {
  // A client asks; the last argument is its callback (it may send none: call it as ack?.(…)).
  socket.on('question:send', async ({ text, delayMs }, ack) => {
    const started = Date.now();
    await sleep(delayMs); // a slow database, say: the client sets how slow
    const answer = `You asked "${text}". The answer is 42.`;
    // 1. Answer this very question: { ok: true, answer, waitedMs: Date.now() - started }.
  });

  socket.on('question:request', async (ack) => {
    // 2. Ask this client "question:ask" with QUESTION, and wait at most 3 seconds:
    //    const reply = await socket.timeout(3000).emitWithAck(...)
    //    Then answer { ok: true, answer: reply.answer }; if it never came (it throws),
    //    { ok: false, error: 'The client did not answer within 3 seconds.' }.
  });

  socket.on('question:poll', (ack) => {
    // 3. Ask every client at once, for at most 3 seconds:
    //    io.timeout(3000).emit('question:ask', QUESTION, (err, replies) => …)
    //    and answer { ok: true, answers: replies.map((r) => r.answer), everyone: !err }.
  });
});
