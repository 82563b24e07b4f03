// Your page: a room name, Join, Say hello, and the hellos heard. `io()` connects to this lesson's server.
const socket = io();

const room = document.createElement('input');
room.value = 'lobby';
room.setAttribute('aria-label', 'Room');
const join = document.createElement('button');
join.textContent = 'Join';
const hello = document.createElement('button');
hello.textContent = 'Say hello';
const heard = document.createElement('ol');
document.querySelector('#app').append(room, join, hello, heard);

// 1. Rooms are the server's: the client asks, and the acknowledgement says whether it worked.
join.addEventListener('click', async () => {
  const answer = await socket.emitWithAck('IO_CLIENT_JOIN_ROOM', room.value);
  console.log(answer.ok ? `in ${room.value}` : answer.error);
});

// 2. One hello, to every room this socket is in.
hello.addEventListener('click', () => socket.emit('IO_CLIENT_HELLO', 'Hello from my own page!'));

// 3. What the rooms say to this page.
socket.on('IO_SERVER_HELLO', (text) => {
  const item = document.createElement('li');
  item.textContent = text;
  heard.append(item);
});
