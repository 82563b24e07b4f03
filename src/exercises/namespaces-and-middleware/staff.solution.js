// Your page: a token, a way into the staff room, a note to post, and what the room says.
// The lobby is io(); the staff room is a namespace under it: '/namespaces-and-middleware/staff'.
const token = document.createElement('input');
token.setAttribute('aria-label', 'Token');
const enter = document.createElement('button');
enter.textContent = 'Enter the staff room';
const note = document.createElement('input');
note.value = 'Hello, staff!';
note.setAttribute('aria-label', 'Note');
const post = document.createElement('button');
post.textContent = 'Post';
const said = document.createElement('p');
const notes = document.createElement('ol');
document.querySelector('#app').append(token, enter, note, post, said, notes);

let staff; // the staff room's socket, once Enter was pressed

enter.addEventListener('click', () => {
  staff?.disconnect(); // each click knocks once, with the token as typed now
  staff = io('/namespaces-and-middleware/staff', { auth: { token: token.value } });
  staff.on('connect', () => (said.textContent = 'In the staff room.'));
  // The middleware's next(new Error(…)) arrives here; the socket does not retry by itself.
  staff.on('connect_error', (error) => (said.textContent = error.message));
  staff.on('note:new', ({ from, text }) => {
    const item = document.createElement('li');
    item.textContent = `${from}: ${text}`;
    notes.append(item);
  });
});

post.addEventListener('click', async () => {
  if (!staff?.connected) return void (said.textContent = 'Enter the staff room first.');
  const answer = await staff.emitWithAck('note:post', { text: note.value });
  said.textContent = answer.ok ? 'Posted.' : answer.error;
});
