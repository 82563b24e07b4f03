// Your page: one socket on each node, a message to send from node 1, and what each socket hears.
// The two nodes are namespaces under the lesson's, standing in for two servers.
const one = io('/scaling-out/node-1');
const two = io('/scaling-out/node-2');

const message = page.input('Message', 'Hello from node 1');
const send = page.button('Send on node 1');
const on = page.button('Adapter on');
const off = page.button('Adapter off');
const state = page.text();
const heard = [page.list('Heard on node 1'), page.list('Heard on node 2')];

send.addEventListener('click', () => one.emit('message:send', { text: message.value }));

[one, two].forEach((socket, index) => {
  socket.on('message:new', ({ from, text, node }) =>
    heard[index].add(`${from} (on ${node}): ${text}`),
  );
});

// Either node will do: the switch is kept once, for both.
on.addEventListener('click', () => one.emit('adapter:set', { on: true }));
off.addEventListener('click', () => one.emit('adapter:set', { on: false }));
one.on(
  'adapter:state',
  ({ on }) => (state.textContent = on ? 'Adapter on' : 'Adapter off'),
);
