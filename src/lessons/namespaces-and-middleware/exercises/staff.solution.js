// Your page: a token, a way into the staff room, a note to post, and what the room says.
// The lobby is io(); the staff room is a namespace under it: '/namespaces-and-middleware/staff'.
const token = page.input('Token');
const enter = page.button('Enter the staff room');
const note = page.input('Note', 'Hello, staff!');
const post = page.button('Post');
const said = page.text();
const notes = page.list('Notes');

let staff; // the staff room's socket, once Enter was pressed

enter.addEventListener('click', () => {
  staff?.disconnect(); // each click knocks once, with the token as typed now
  staff = io('/namespaces-and-middleware/staff', { auth: { token: token.value } });
  staff.on('connect', () => (said.textContent = 'In the staff room.'));
  // The middleware's next(new Error(…)) arrives here; the socket does not retry by itself.
  staff.on('connect_error', (error) => (said.textContent = error.message));
  staff.on('note:new', ({ from, text }) => notes.add(`${from}: ${text}`));
});

post.addEventListener('click', async () => {
  if (!staff?.connected) {
    said.textContent = 'Enter the staff room first.';
    return;
  }
  const answer = await staff.emitWithAck('note:post', { text: note.value });
  said.textContent = answer.ok ? 'Posted.' : answer.error;
});
