// Your page: a name and a room to join, a message to send, the messages, and who is typing.
const socket = io();

const field = (label, value = '') => {
  const input = document.createElement('input');
  input.setAttribute('aria-label', label);
  input.value = value;
  return input;
};
const button = (label) => Object.assign(document.createElement('button'), { textContent: label });
const [name, room, text] = [field('Name', 'Coder'), field('Room', 'lobby'), field('Message')];
const [join, send] = [button('Join'), button('Send')];
const typing = document.createElement('p');
const messages = document.createElement('ol');
document.querySelector('#app').append(name, room, join, text, send, typing, messages);
const show = (line) => messages.append(Object.assign(document.createElement('li'), { textContent: line }));
const lineOf = (message) => (message.system ? message.text : `${message.user}: ${message.text}`);

join.addEventListener('click', async () => {
  const answer = await socket.emitWithAck('join', { name: name.value, room: room.value });
  if (!answer.ok) return show(answer.error);
  messages.replaceChildren();
  answer.history.forEach((message) => show(lineOf(message)));
});

send.addEventListener('click', () => {
  socket.emit('sendMessage', text.value);
  socket.emit('typing', false);
  text.value = '';
});

socket.on('message', (message) => show(lineOf(message)));

text.addEventListener('input', () => socket.emit('typing', text.value !== ''));
const typers = new Set();
socket.on('typing', ({ user, typing: isTyping }) => {
  if (isTyping) typers.add(user);
  else typers.delete(user);
  typing.textContent = [...typers].map((who) => `${who} is typing…`).join(' ');
});
