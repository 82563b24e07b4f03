// Your page: a count and two buttons. `io()` connects to this lesson's server;
// `page` adds the parts of your page, each below the last.
const socket = io();

const count = page.text('Count: …');
const up = page.button('+1');
const down = page.button('-1');

up.addEventListener('click', () => socket.emit('increment'));
// 1. "-1" sends the event the server listens for.
down.addEventListener('click', () => socket.emit('decrement'));

// 2. The server sends the count on connect and on every change, to everyone.
socket.on('number:change', (value) => {
  count.textContent = `Count: ${value}`;
});

socket.on('connect', () => console.log('connected as', socket.id));
