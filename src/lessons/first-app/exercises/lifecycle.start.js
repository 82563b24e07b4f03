// Your page: `io()` connects to this lesson's server; `page` adds the parts of
// your page, each below the last.
const socket = io();

const status = page.text();
const lifecycle = page.list('Lifecycle');
const connect = page.button('Connect');
const disconnect = page.button('Disconnect');
const goodbye = page.button('Server, disconnect me');

// Before the first `connect`: "connected: false, id: undefined".
function update() {
  status.textContent = `connected: ${socket.connected}, id: ${socket.id}`;
}
update();

socket.on('connect', () => {
  lifecycle.add(`connect: id ${socket.id}`);
  update();
});

connect.addEventListener('click', () => socket.connect());
disconnect.addEventListener('click', () => socket.disconnect());

// 1. Show the server's "welcome" (a sentence) in the list.

// 2. On "disconnect", add its reason to the list and update the status.

// 3. Make "Server, disconnect me" emit "goodbye". Press it, then Connect.
