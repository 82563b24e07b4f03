import type { LessonNamespace } from '../../server/plumbing/types.ts';
import { whenSettled } from '../../server/plumbing/when-settled.ts';
import {
  ANSWER_MS,
  type ClientToServerEvents,
  IO_CLIENT_HELLO,
  IO_CLIENT_JOIN_ROOM,
  IO_CLIENT_LEAVE_ROOM,
  IO_SERVER_HELLO,
  IO_SERVER_ROOMS,
  MAP_QUIET_MS,
  MAX_ROOMS_PER_CLIENT,
  type Member,
  rooms,
  type ServerToClientEvents,
} from './contract.ts';

export const contract = rooms;

// `io` is the lesson's namespace (typed with its events); the shown regions work on a Server too.
export function register(
  io: LessonNamespace<ClientToServerEvents, ServerToClientEvents>,
) {
  // #region server
  // #region room-map
  // Each socket knows its own rooms. `io.fetchSockets()` gathers every socket of every
  // server, each with its `rooms` and its `data`; the map is made from those.
  async function roomMap() {
    const rooms = new Map<string, Member[]>();
    for (const socket of await io.timeout(ANSWER_MS).fetchSockets()) {
      for (const room of socket.rooms) {
        if (room === socket.id) continue; // every socket is in a room named by its id
        const members = rooms.get(room) ?? [];
        members.push({ id: socket.id, name: socket.data.name });
        rooms.set(room, members);
      }
    }
    return [...rooms].map(([room, members]) => ({ room, members }));
  }
  const sendRooms = async () => io.emit(IO_SERVER_ROOMS, await roomMap());
  // Sent once things are quiet after a change; a try that fails is made again.
  const roomsChanged = whenSettled(sendRooms, { quietMs: MAP_QUIET_MS });
  // #endregion

  io.on('connection', (socket) => {
    const name = socket.data.name;
    // The newcomer gets the map as it is (if a server does not answer, everyone gets it soon).
    roomMap().then((map) => socket.emit(IO_SERVER_ROOMS, map), roomsChanged);
    if (socket.recovered) roomsChanged(); // back from a short drop, still in its rooms: tell the others

    // #region join
    socket.on(IO_CLIENT_JOIN_ROOM, (room, ack) => {
      if (socket.rooms.has(room)) {
        return ack?.({ ok: false, error: `You are already in ${room}.` });
      }
      // `socket.rooms` holds the socket's own id room too, hence the + 1.
      if (socket.rooms.size >= MAX_ROOMS_PER_CLIENT + 1) {
        return ack?.({
          ok: false,
          error: `You can be in at most ${MAX_ROOMS_PER_CLIENT} rooms: leave one first.`,
        });
      }
      socket.join(room);

      // The whole namespace; the room, the joiner included; the joiner only.
      io.emit(IO_SERVER_HELLO, `Hello everyone! ${name} joined ${room}.`);
      io.to(room).emit(IO_SERVER_HELLO, `Hello, members of ${room}!`);
      socket.emit(IO_SERVER_HELLO, `Hello ${name}, you are in ${room} now.`);
      roomsChanged(); // everyone gets the new map
      ack?.({ ok: true });
    });
    // #endregion

    // #region leave
    socket.on(IO_CLIENT_LEAVE_ROOM, (room, ack) => {
      if (!socket.rooms.has(room) || room === socket.id) {
        return ack?.({ ok: false, error: `You are not in ${room}.` });
      }
      socket.leave(room);
      roomsChanged();
      ack?.({ ok: true });
    });
    // #endregion

    // #region hello
    socket.on(IO_CLIENT_HELLO, (text, ack) => {
      const joined = [...socket.rooms].filter((room) => room !== socket.id);
      if (joined.length === 0) {
        return ack?.({
          ok: false,
          error: 'Join a room first: a hello goes to your rooms.',
        });
      }
      // `socket.to(...)`: those rooms but the sender (`io.to` would include it).
      socket.to(joined).emit(IO_SERVER_HELLO, `${name} says: ${text}`);
      ack?.({ ok: true });
    });
    // #endregion

    // #region disconnect
    // `disconnecting`: the socket is still in its rooms, so it can tell them it is leaving.
    socket.on('disconnecting', () => {
      for (const room of socket.rooms) {
        if (room === socket.id) continue; // its own room: nobody else is in it
        socket.to(room).emit(IO_SERVER_HELLO, `${name} left ${room}.`);
      }
    });
    // `disconnect`: Socket.IO has taken the socket out of all its rooms, and a map made
    // from now on leaves it out.
    socket.on('disconnect', roomsChanged);
    // #endregion
  });
  // #endregion
}
