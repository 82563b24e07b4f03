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

// 1. Send: "message:send" with { text } on `one`.

// 2. Show each "message:new" ({ from, text, node }) each socket hears, in its own list (heard[0], heard[1]).

// 3. The switch is the server's: "adapter:set" with { on: true } or { on: false }.
//    Every node then says "adapter:state" ({ on }) to its clients: show it in `state`.
