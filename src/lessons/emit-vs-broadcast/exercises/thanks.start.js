// Your page: a button and an inbox. `io()` connects to this lesson's server.
const socket = io();

const hello = page.button('Say hello to the others');
const inbox = page.list('Inbox');

socket.on('message', (message) => {
  inbox.add(`${message.from.name} (${message.kind}): ${message.text}`);
  // 2. Thank whoever wrote to everyone, privately: "emit:to" with { to, text }.
  //    Their socket id is message.from.id. (Do not answer private messages: two
  //    pages like yours would thank each other forever.)
});

// 1. On a click, send { text: 'Hello!' } to every client but this one: the event is "emit:others".
