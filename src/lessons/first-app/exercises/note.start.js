// Your page: a text box and a button. `io()` connects to this lesson's server.
const socket = io();

const text = page.input('Note', 'Hello');
const send = page.button('Send');
const notes = page.list('Notes');

// 1. Make Send emit "note:send" with { text: text.value }.

// 2. Show each "note:new" the server sends (it carries { from, text }) in the list.
