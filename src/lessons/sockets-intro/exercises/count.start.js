// Your page: a count and two buttons. `io()` connects to this lesson's server;
// `page` adds the parts of your page, each below the last.
const socket = io();

const count = page.text('Count: …');
const up = page.button('+1');
const down = page.button('-1');

up.addEventListener('click', () => socket.emit('increment'));
// 1. Make "-1" work: the server listens for "decrement".

// 2. Show the count: the server sends it as "number:change" (on connect, and on every change).

socket.on('connect', () => console.log('connected as', socket.id));
