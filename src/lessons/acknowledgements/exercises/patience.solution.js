// Your page: a question to the server, and an answer for when the server asks.
const socket = io();

const ask = page.button('Ask (the server takes 2 s)');
const result = page.text();

ask.addEventListener('click', async () => {
  result.textContent = 'Waiting…';
  // 1. Wait for the answer, but no more than a second.
  try {
    const reply = await socket
      .timeout(1000)
      .emitWithAck('question:send', { text: 'Well?', delayMs: 2000 });
    result.textContent = reply.ok ? reply.answer : reply.error;
  } catch {
    result.textContent = 'Gave up after 1 s.';
  }
});

// 2. Answer the server's question in its callback; ask it to ask, and show what it heard.
socket.on('question:ask', (question, answer) => {
  console.log('The server asks:', question.text);
  answer({ answer: '7' });
});
page.button('Let the server ask me').addEventListener('click', async () => {
  const reply = await socket.emitWithAck('question:request');
  result.textContent = reply.ok ? `The server heard: ${reply.answer}` : reply.error;
});
