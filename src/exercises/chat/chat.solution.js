// Your page: a name and a room to join, a message to send, who is typing, and the messages.
const socket = io();

const name = page.input('Name', 'Coder');
const room = page.input('Room', 'lobby');
const join = page.button('Join');
const text = page.input('Message');
const send = page.button('Send');
const typing = page.text();
const messages = page.list('Messages');
const show = (message) => messages.add(message.system ? message.text : `${message.user}: ${message.text}`);

join.addEventListener('click', async () => {
  const answer = await socket.emitWithAck('join', { name: name.value, room: room.value });
  if (!answer.ok) return console.error(answer.error);
  messages.replaceChildren();
  answer.history.forEach(show);
});

send.addEventListener('click', () => {
  socket.emit('sendMessage', text.value);
  socket.emit('typing', false);
  text.value = '';
});

socket.on('message', show);

text.addEventListener('input', () => socket.emit('typing', text.value !== ''));
const typers = new Set();
socket.on('typing', ({ user, typing: isTyping }) => {
  if (isTyping) typers.add(user);
  else typers.delete(user);
  typing.textContent = [...typers].map((who) => `${who} is typing…`).join(' ');
});
