// Your server: `io` is a real Socket.IO Server, running in this page. The demo's two
// "servers" are two of its namespaces, /node-1 and /node-2: each has its own adapter,
// which knows only its own clients, as two processes would. (Two processes, and Redis
// between them, cannot run in a page: here, as on the workshop's server, they are one.)
let adapterOn = false; // the switch between the nodes

const nodes = [
  { name: 'node 1', nsp: io.of('/node-1'), other: io.of('/node-2') },
  { name: 'node 2', nsp: io.of('/node-2'), other: io.of('/node-1') },
];

for (const { name, nsp, other } of nodes) {
  nsp.on('connection', (socket) => {
    socket.emit('adapter:state', { on: adapterOn }); // where the switch is, on arrival

    socket.on('message:send', ({ text }) => {
      const message = { from: socket.data.name, text, node: name };
      // 1. Send the message to every client of this node, the sender included.
      // 2. With the adapter on, hand it to the other node too, which sends it to its own clients.
    });

    socket.on('adapter:set', ({ on }) => {
      adapterOn = on;
      // 3. Tell every client of both nodes where the switch is now: "adapter:state" with { on }.
    });
  });
}
