// Your page: a room name, Join, Say hello, and the hellos heard. `io()` connects to this lesson's server.
const socket = io();

const room = page.input('Room', 'lobby');
const join = page.button('Join');
const hello = page.button('Say hello');
const heard = page.list('Hellos heard');

// 1. Join: ask the server to put this socket in the room, with "IO_CLIENT_JOIN_ROOM" and the room's name.

// 2. Say hello: "IO_CLIENT_HELLO" with a text; the server passes it to every room this socket is in.

// 3. Show each hello this page hears (heard.add(text)): the server sends "IO_SERVER_HELLO" with a text.
