import {
  IO_CLIENT_HELLO,
  IO_CLIENT_JOIN_ROOM,
  IO_CLIENT_LEAVE_ROOM,
  IO_SERVER_HELLO,
  IO_SERVER_ROOMS,
  MAX_ROOMS_PER_CLIENT,
  rooms,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from './contract.ts';
import type { LessonNamespace } from '../../server/plumbing/types.ts';

export const contract = rooms;

// #region server
export function register(io: LessonNamespace<ClientToServerEvents, ServerToClientEvents>) {
  // #region room-map
  // Rooms live on the server only: the adapter maps each room to its socket ids.
  // Every socket also sits in a room named by its own id; those are left out.
  function roomMap() {
    const named = [...io.adapter.rooms].filter(([room, ids]) => !(ids.size === 1 && ids.has(room)));
    return named.map(([room, ids]) => ({
      room,
      members: [...ids].map((id) => ({ id, name: io.sockets.get(id)?.data.name ?? id })),
    }));
  }
  const sendRooms = () => io.emit(IO_SERVER_ROOMS, roomMap());
  // #endregion

  io.on('connection', (socket) => {
    const name = socket.data.name;
    socket.emit(IO_SERVER_ROOMS, roomMap()); // the newcomer gets the map as it is
    if (socket.recovered) sendRooms(); // back from a short drop, still in its rooms: tell the others

    // #region join
    socket.on(IO_CLIENT_JOIN_ROOM, (room, ack) => {
      if (socket.rooms.has(room)) return ack({ ok: false, error: `You are already in ${room}.` });
      // `socket.rooms` holds the socket's own id room too, hence the + 1.
      if (socket.rooms.size >= MAX_ROOMS_PER_CLIENT + 1) {
        return ack({ ok: false, error: `You can be in at most ${MAX_ROOMS_PER_CLIENT} rooms: leave one first.` });
      }
      socket.join(room);

      io.emit(IO_SERVER_HELLO, `Hello everyone! ${name} joined ${room}.`); // the whole namespace
      io.to(room).emit(IO_SERVER_HELLO, `Hello, members of ${room}!`); // the room, the joiner included
      socket.emit(IO_SERVER_HELLO, `Hello ${name}, you are in ${room} now.`); // the joiner only
      sendRooms();
      ack({ ok: true });
    });
    // #endregion

    // #region leave
    socket.on(IO_CLIENT_LEAVE_ROOM, (room, ack) => {
      if (!socket.rooms.has(room) || room === socket.id) {
        return ack({ ok: false, error: `You are not in ${room}.` });
      }
      socket.leave(room);
      sendRooms();
      ack({ ok: true });
    });
    // #endregion

    // #region hello
    socket.on(IO_CLIENT_HELLO, (text, ack) => {
      const joined = [...socket.rooms].filter((room) => room !== socket.id);
      if (joined.length === 0) return ack({ ok: false, error: 'Join a room first: a hello goes to your rooms.' });
      // `socket.to(...)`: everyone in those rooms but the sender (`io.to` would include it).
      socket.to(joined).emit(IO_SERVER_HELLO, `${name} says: ${text}`);
      ack({ ok: true });
    });
    // #endregion

    // #region disconnect
    // By now Socket.IO has taken the socket out of all its rooms.
    socket.on('disconnect', sendRooms);
    // #endregion
  });
}
// #endregion
