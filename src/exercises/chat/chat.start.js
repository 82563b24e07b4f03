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

// 1. Join: "join" with { name, room }. The acknowledgement is { ok: true, history }
//    (the room's latest messages: show them) or { ok: false, error }.

// 2. Send: "sendMessage" with the text, then empty the box.

// 3. Show each "message": { user, text } from a person, or { system: true, text } when someone comes or goes.

// 4. While you type, tell the room: "typing" with true as you type, false once sent.
//    Show the others' "typing" ({ user, typing }) in `typing`, as "Ada is typing…".
