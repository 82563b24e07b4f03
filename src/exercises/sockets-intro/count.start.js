// Your page: a count and two buttons. `io()` connects to this lesson's server.
const socket = io();

const count = document.createElement('p');
count.textContent = 'Count: …';
const up = document.createElement('button');
up.textContent = '+1';
const down = document.createElement('button');
down.textContent = '-1';
document.querySelector('#app').append(count, up, down);

up.addEventListener('click', () => socket.emit('increment'));
// 1. Make "-1" work: the server listens for "decrement".

// 2. Show the count: the server sends it as "number:change" (on connect, and on every change).

socket.on('connect', () => console.log('connected as', socket.id));
