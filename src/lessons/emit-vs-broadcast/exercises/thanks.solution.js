// Your page: a button and an inbox. `io()` connects to this lesson's server.
const socket = io();

const hello = page.button('Say hello to the others');
const inbox = page.list('Inbox');

socket.on('message', (message) => {
  inbox.add(`${message.from.name} (${message.kind}): ${message.text}`);
  // 2. A private thank-you to the sender of anything that was not private.
  if (message.kind !== 'direct' && message.from.id !== socket.id) {
    socket.emit('emit:to', {
      to: message.from.id,
      text: `Thanks, ${message.from.name}!`,
    });
  }
});

// 1. A broadcast: everyone but the sender.
hello.addEventListener('click', () => socket.emit('emit:others', { text: 'Hello!' }));
