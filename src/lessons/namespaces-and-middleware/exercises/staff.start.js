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
  // 1. Connect to the staff room with the token in auth: io(path, { auth: { token: token.value } }).
  // 2. Its middleware may say no: show error.message of "connect_error" in `said`,
  //    and "In the staff room." on "connect".
  // 3. Show each "note:new" ({ from, text }) in `notes`.
});

post.addEventListener('click', async () => {
  // 4. Send "note:post" with { text } on the staff socket. Its acknowledgement is
  //    { ok: true } or { ok: false, error }: show the error in `said`.
});
