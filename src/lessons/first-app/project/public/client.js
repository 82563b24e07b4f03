// The page's side: index.html loads it after the Socket.IO client, which defines io().
// #region client
// No address: connect to the server this page came from.
const socket = io();

const state = document.getElementById('status');
const lifecycle = document.getElementById('log');
function show(line) {
  const item = document.createElement('li');
  item.textContent = line; // text, never HTML
  lifecycle.append(item);
}
// Before the first `connect`: "connected: false, id: undefined".
function update() {
  state.textContent = `connected: ${socket.connected}, id: ${socket.id}`;
}
update();

socket.on('connect', () => {
  show(`connect: id ${socket.id}`);
  update();
});
socket.on('disconnect', (reason) => {
  // `active`: the client will try again by itself.
  show(`disconnect: ${reason} (${socket.active ? 'retrying' : 'not retrying'})`);
  update();
});
socket.on('connect_error', (error) => {
  show(`connect_error: ${error.message}`);
  update();
});
socket.on('welcome', (text) => show(text));

document.getElementById('connect').onclick = () => {
  socket.auth = {};
  socket.connect();
};
document.getElementById('disconnect').onclick = () => socket.disconnect();
document.getElementById('goodbye').onclick = () => socket.emit('goodbye');
document.getElementById('mallory').onclick = () => {
  // The handshake carries `auth`: a new name needs a new connection.
  socket.auth = { name: 'Mallory' };
  socket.disconnect().connect();
};
// #endregion
