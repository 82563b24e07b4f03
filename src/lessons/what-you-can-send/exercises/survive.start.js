// Your page: `io()` connects to this lesson's server, like the demo's clients.
const socket = io();

const scores = new Map([
  ['Ada', 3],
  ['Bo', 5],
]);
const when = new Date('2026-01-01T12:00:00Z');

page.button('Send the scores').addEventListener('click', () => {
  // 1. A Map arrives as {}. Send its entries instead: [...scores].
  socket.emit('value:send', scores, 'the scores');
});

page.button('Send the date').addEventListener('click', () => {
  // 2. A Date arrives as a string. Send its time in milliseconds: when.getTime().
  socket.emit('value:send', when, 'the date');
});

const arrived = page.list('Arrived');
// 3. Show what the others send: "value:new" comes with three arguments,
//    (value, label, from). Add a line to `arrived` with all three,
//    the value as JSON.stringify(value).
