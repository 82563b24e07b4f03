// Your page: a message to send, a way to drop the connection, how it came back, and the messages.
const socket = io();

const text = page.input('Message', 'Sent from my own page');
const send = page.button('Send');
const drop = page.button('Drop the connection');
const session = page.text();
const messages = page.list('Messages');

// Sends made while the connection is down wait in the socket's buffer, and go when it is back.
send.addEventListener('click', () => socket.emit('message:send', { text: text.value }));
// As a network failure would: the socket is not told to stop, so it reconnects by itself.
drop.addEventListener('click', () => socket.io.engine.close());

socket.on('message:new', ({ n, from, text }) => messages.add(`#${n} ${from}: ${text}`));

socket.on('connect', () => {
  if (socket.recovered)
    session.textContent = `Recovered: same id (${socket.id}), nothing missed.`;
});
socket.on(
  'disconnect',
  (reason) => (session.textContent = `Offline (${reason}): trying again…`),
);

// Comes after "connect", and only when the session is new.
socket.on('session:start', ({ lastMessage }) => {
  session.textContent = `New session: the latest message is #${lastMessage}`;
});
