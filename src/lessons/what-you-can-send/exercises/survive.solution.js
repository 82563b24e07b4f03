const socket = io();

const scores = new Map([
  ['Ada', 3],
  ['Bo', 5],
]);
const when = new Date('2026-01-01T12:00:00Z');

page.button('Send the scores').addEventListener('click', () => {
  socket.emit('value:send', [...scores], 'the scores'); // new Map(entries) rebuilds it
});

page.button('Send the date').addEventListener('click', () => {
  socket.emit('value:send', when.getTime(), 'the date'); // new Date(ms) rebuilds it
});

const arrived = page.list('Arrived');
socket.on('value:new', (value, label, from) => {
  arrived.add(`${from} sent ${label}: ${JSON.stringify(value)}`);
});
