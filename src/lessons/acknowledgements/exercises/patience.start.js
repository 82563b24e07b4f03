// Your page: a question to the server, and an answer for when the server asks.
const socket = io();

const ask = page.button('Ask (the server takes 2 s)');
const result = page.text();

ask.addEventListener('click', async () => {
  result.textContent = 'Waiting…';
  // 1. Ask with emitWithAck and show the answer: the event is "question:send",
  //    with { text, delayMs: 2000 }; the reply is { ok, answer }.
  //    Then give up after 1 second instead: socket.timeout(1000).emitWithAck(...)
  //    rejects when the answer is late. Show "Gave up" then.
});

// 2. Add a button (page.button(…)) that asks the server to ask this page a question:
//    socket.emitWithAck('question:request'), and show what the server heard.
//    The question arrives below: answer it with its callback, answer({ answer: '7' }).
socket.on('question:ask', (question, answer) => {
  console.log('The server asks:', question.text);
});
