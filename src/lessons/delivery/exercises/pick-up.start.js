// Your page: each message once, and a message to send that is stored once.
// 1. Put the last offset this page saw in the handshake:
//    io({ auth: { serverOffset: 0 } }).
const socket = io();

const text = page.input('Message', 'Hello from your code');
const send = page.button('Send');
const messages = page.list('Messages');

// 2. Show each "message" ({ id, user, text, at }) once: skip an id already shown.
//    Keep the newest id in socket.auth.serverOffset: a new session asks for
//    what came after it.

// 3. Send: "message:send" with the text and a client offset, a string that names
//    this message (your page and a counter: `${me}-${++sent}`). If no ack comes
//    in 5 s (socket.timeout(5000).emitWithAck(…) rejects), send it again with
//    the same offset.
