// Your page: one socket on each node, a message to send from node 1, and what each socket hears.
// The two nodes are namespaces under the lesson's, standing in for two servers.
const one = io('/scaling-out/node-1');
const two = io('/scaling-out/node-2');

const message = document.createElement('input');
message.value = 'Hello from node 1';
message.setAttribute('aria-label', 'Message');
const send = document.createElement('button');
send.textContent = 'Send on node 1';
const on = document.createElement('button');
on.textContent = 'Adapter on';
const off = document.createElement('button');
off.textContent = 'Adapter off';
const state = document.createElement('p');
const heard = [one, two].map((socket, index) => {
  const list = document.createElement('ol');
  list.setAttribute('aria-label', `Heard on node ${index + 1}`);
  return list;
});
document.querySelector('#app').append(message, send, on, off, state, ...heard);

send.addEventListener('click', () => one.emit('message:send', { text: message.value }));

[one, two].forEach((socket, index) => {
  socket.on('message:new', ({ from, text, node }) => {
    const item = document.createElement('li');
    item.textContent = `${from} (on ${node}): ${text}`;
    heard[index].append(item);
  });
});

// Either node will do: the switch is kept once, for both.
on.addEventListener('click', () => one.emit('adapter:set', { on: true }));
off.addEventListener('click', () => one.emit('adapter:set', { on: false }));
one.on('adapter:state', ({ on }) => (state.textContent = on ? 'Adapter on' : 'Adapter off'));
