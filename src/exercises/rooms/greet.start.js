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

// 1. Join: ask the server to put this socket in the room, with "IO_CLIENT_JOIN_ROOM" and the room's name.

// 2. Say hello: "IO_CLIENT_HELLO" with a text; the server passes it to every room this socket is in.

// 3. Show each hello this page hears: the server sends "IO_SERVER_HELLO" with a text.
