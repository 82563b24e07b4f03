// Your page: a message to send, a way to drop the connection, how it came back, and the messages.
const socket = io();

const text = Object.assign(document.createElement('input'), { value: 'Sent from my own page' });
text.setAttribute('aria-label', 'Message');
const send = Object.assign(document.createElement('button'), { textContent: 'Send' });
const drop = Object.assign(document.createElement('button'), { textContent: 'Drop the connection' });
const session = document.createElement('p');
const messages = document.createElement('ol');
document.querySelector('#app').append(text, send, drop, session, messages);

// Sends made while the connection is down wait in the socket's buffer, and go when it is back.
send.addEventListener('click', () => socket.emit('message:send', { text: text.value }));
// As a network failure would: the socket is not told to stop, so it reconnects by itself.
drop.addEventListener('click', () => socket.io.engine.close());

socket.on('message:new', ({ n, from, text }) => {
  messages.append(Object.assign(document.createElement('li'), { textContent: `#${n} ${from}: ${text}` }));
});

socket.on('connect', () => {
  if (socket.recovered) session.textContent = `Recovered: same id (${socket.id}), nothing missed.`;
});
socket.on('disconnect', (reason) => (session.textContent = `Offline (${reason}): trying again…`));

// Comes after "connect", and only when the session is new.
socket.on('session:start', ({ lastMessage }) => {
  session.textContent = `New session: the latest message is #${lastMessage}`;
});
