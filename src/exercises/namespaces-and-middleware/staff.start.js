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
  // 1. Connect to the staff room with the token in auth: io(path, { auth: { token: token.value } }).
  // 2. Its middleware may say no: show error.message of "connect_error" in `said`,
  //    and "In the staff room." on "connect".
  // 3. Show each "note:new" ({ from, text }) in `notes`.
});

post.addEventListener('click', async () => {
  // 4. Send "note:post" with { text } on the staff socket. Its acknowledgement is
  //    { ok: true } or { ok: false, error }: show the error in `said`.
});
