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
// 1. "-1" sends the event the server listens for.
down.addEventListener('click', () => socket.emit('decrement'));

// 2. The server sends the count on connect and on every change, to everyone.
socket.on('number:change', (value) => {
  count.textContent = `Count: ${value}`;
});

socket.on('connect', () => console.log('connected as', socket.id));
