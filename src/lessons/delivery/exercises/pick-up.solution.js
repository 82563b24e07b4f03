// Your page: each message once, and a message to send that is stored once.
// The handshake says the last offset this page saw; on a first connection, 0.
const socket = io({ auth: { serverOffset: 0 } });

const text = page.input('Message', 'Hello from your code');
const send = page.button('Send');
const messages = page.list('Messages');

const shown = new Set();
socket.on('message', (message) => {
  if (shown.has(message.id)) return; // a retry's second copy, or one caught up twice
  shown.add(message.id);
  messages.add(`#${message.id} ${message.user}: ${message.text}`);
  // Kept in the handshake: a new session asks for what came after it.
  socket.auth.serverOffset = Math.max(socket.auth.serverOffset, message.id);
});

const me = Math.random().toString(36).slice(2);
let sent = 0;
send.addEventListener('click', async () => {
  const clientOffset = `${me}-${++sent}`; // one name for this message and its retries
  // By hand, what `ackTimeout` and `retries` do: wait 5 s for the ack, then send again.
  for (let tries = 1; tries <= 6; tries++) {
    try {
      const answer = await socket
        .timeout(5000)
        .emitWithAck('message:send', text.value, clientOffset);
      if (!answer.ok) console.error(answer.error);
      return;
    } catch {
      console.warn(`No ack for try ${tries}: sending again.`);
    }
  }
});
