const socket = io();

const text = page.input('Note', 'Hello');
const send = page.button('Send');
const notes = page.list('Notes');

send.addEventListener('click', () => socket.emit('note:send', { text: text.value }));

socket.on('note:new', ({ from, text }) => notes.add(`${from}: ${text}`));
