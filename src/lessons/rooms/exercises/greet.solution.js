// Your page: a room name, Join, Say hello, and the hellos heard. `io()` connects to this lesson's server.
const socket = io();

const room = page.input('Room', 'lobby');
const join = page.button('Join');
const hello = page.button('Say hello');
const heard = page.list('Hellos heard');

// 1. Rooms are the server's: the client asks, and the acknowledgement says whether it worked.
join.addEventListener('click', async () => {
  const answer = await socket.emitWithAck('IO_CLIENT_JOIN_ROOM', room.value);
  console.log(answer.ok ? `in ${room.value}` : answer.error);
});

// 2. One hello, to every room this socket is in.
hello.addEventListener('click', () =>
  socket.emit('IO_CLIENT_HELLO', 'Hello from my own page!'),
);

// 3. What the rooms say to this page.
socket.on('IO_SERVER_HELLO', (text) => heard.add(text));
