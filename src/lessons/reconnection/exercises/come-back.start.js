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

// 1. Show each "message:new" ({ n, from, text }) as "#n from: text": the server numbers them.

// 2. On each "connect", say in `session` how it came back: socket.recovered is true when the
//    server kept the session (same id, rooms, and the messages missed meanwhile replayed).

// 3. A new session gets "session:start" ({ lastMessage }) instead: nothing is replayed to it.
//    Show "New session: the latest message is #N" in `session`.
