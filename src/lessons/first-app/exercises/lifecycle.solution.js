const socket = io();

const status = page.text();
const lifecycle = page.list('Lifecycle');
const connect = page.button('Connect');
const disconnect = page.button('Disconnect');
const goodbye = page.button('Server, disconnect me');

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

socket.on('welcome', (text) => lifecycle.add(text));

socket.on('disconnect', (reason) => {
  lifecycle.add(`disconnect: ${reason}`);
  update();
});

goodbye.addEventListener('click', () => socket.emit('goodbye'));
