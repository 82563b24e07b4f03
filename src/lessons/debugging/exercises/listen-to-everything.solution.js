const socket = io();

const count = page.text('Count: …');
const increment = page.button('Increment');
const typo = page.button('Send the old typo');
const heard = page.list('Heard');

socket.on('count', (n) => (count.textContent = `Count: ${n}`));

// Every event this page receives, whatever its name, before its own listeners.
socket.onAny((event, ...args) => heard.add(`${event} ${JSON.stringify(args)}`));

increment.addEventListener('click', () => socket.emit('increment'));
// Kept to see the server's answer to a name nothing listens to.
typo.addEventListener('click', () => socket.emit('incremnt'));
