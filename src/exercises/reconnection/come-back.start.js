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

// 1. Show each "message:new" ({ n, from, text }) as "#n from: text": the server numbers them.

// 2. On each "connect", say in `session` how it came back: socket.recovered is true when the
//    server kept the session (same id, rooms, and the messages missed meanwhile replayed).

// 3. A new session gets "session:start" ({ lastMessage }) instead: nothing is replayed to it.
//    Show "New session: the latest message is #N" in `session`.
