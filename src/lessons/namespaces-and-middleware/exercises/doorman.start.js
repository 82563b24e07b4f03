// Your server: `io` is a real Socket.IO Server, running in this page.
// Press Run and the demo above connects to it instead of the workshop's.
// The lobby is the main namespace, `/`; the staff room is the namespace `/staff`.
const STAFF_TOKEN = 'let-me-in';
const VISITOR_TOKEN = 'just-looking';

// Each namespace relays notes to its own clients: `socket.nsp` is the socket's namespace.
function relayNotes(nsp) {
  nsp.on('connection', (socket) => {
    socket.on('note:post', ({ text }) => {
      socket.nsp.emit('note:new', { from: socket.data.name, text });
    });
  });
}

relayNotes(io); // the lobby
const staff = io.of('/staff');

// Runs once per connection to the staff room, before it is accepted.
staff.use((socket, next) => {
  const { token } = socket.handshake.auth;
  // 1. Without a token, refuse the connection: next(new Error('…your reason…')).
  //    The client gets a connect_error whose message is yours.
  // 2. Refuse a token that is neither STAFF_TOKEN nor VISITOR_TOKEN the same way.
  socket.data.role = token === STAFF_TOKEN ? 'staff' : 'visitor';
  next();
});

staff.on('connection', (socket) => {
  // 3. A visitor may read but not post. socket.use(([event, ...args], next) => …) runs
  //    for every packet: let a visitor's "note:post" go no further (no next()), and
  //    answer its callback, the last of args, with { ok: false, error: '…why…' }.
});
relayNotes(staff);
