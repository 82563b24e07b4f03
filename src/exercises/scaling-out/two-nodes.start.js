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

// 1. Send: "message:send" with { text } on `one`.

// 2. Show each "message:new" ({ from, text, node }) each socket hears, in its own list (heard[0], heard[1]).

// 3. The switch is the server's: "adapter:set" with { on: true } or { on: false }.
//    Every node then says "adapter:state" ({ on }) to its clients: show it in `state`.
