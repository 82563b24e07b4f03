// Your page: a name and a room to join, a message to send, who is typing, and the messages.
const socket = io();

const name = page.input('Name', 'Coder');
const room = page.input('Room', 'lobby');
const join = page.button('Join');
const text = page.input('Message');
const send = page.button('Send');
const typing = page.text();
const messages = page.list('Messages');
const show = (message) =>
  messages.add(message.system ? message.text : `${message.user}: ${message.text}`);

join.addEventListener('click', async () => {
  const answer = await socket.emitWithAck('join', {
    name: name.value,
    room: room.value,
  });
  if (!answer.ok) return console.error(answer.error);
  messages.replaceChildren();
  answer.history.forEach(show);
});

send.addEventListener('click', async () => {
  const sent = text.value;
  text.value = '';
  socket.volatile.emit('typing', false);
  // The others get it by broadcast; this page shows it once the server has it.
  const answer = await socket.emitWithAck('sendMessage', sent);
  show(
    answer.ok ? { user: name.value, text: sent } : { system: true, text: answer.error },
  );
});

socket.on('message', show);

// Typing is news only while it is fresh: volatile, and one `true` every 2 s at most.
let saidTypingAt = 0;
text.addEventListener('input', () => {
  if (text.value === '') return socket.volatile.emit('typing', false);
  if (Date.now() - saidTypingAt < 2000) return;
  saidTypingAt = Date.now();
  socket.volatile.emit('typing', true);
});
const typers = new Set();
socket.on('typing', ({ user, typing: isTyping }) => {
  if (isTyping) typers.add(user);
  else typers.delete(user);
  typing.textContent = [...typers].map((who) => `${who} is typing…`).join(' ');
});
