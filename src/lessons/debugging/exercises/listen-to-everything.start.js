// Your page: a count and a button. `io()` connects to this lesson's server;
// `page` adds the parts of your page, each below the last.
const socket = io();

const count = page.text('Count: …');
const increment = page.button('Increment');
const heard = page.list('Heard');

socket.on('count', (n) => (count.textContent = `Count: ${n}`));

// Press Increment: the count does not move, and nothing says why.
increment.addEventListener('click', () => socket.emit('incremnt'));

// 1. Add socket.onAny((event, ...args) => …) that puts every event this page receives
//    in the Heard list, e.g. heard.add(`${event} ${JSON.stringify(args)}`).
// 2. Press Increment again, read what the server answered, and fix the bug.
