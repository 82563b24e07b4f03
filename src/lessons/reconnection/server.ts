import type { LessonNamespace, LessonServices } from '../../server/plumbing/types.ts';
import {
  type ClientToServerEvents,
  RESTART_COOLDOWN_MS,
  RESTARTED_RECENTLY,
  reconnection,
  type ServerToClientEvents,
} from './contract.ts';

export const contract = reconnection;

export function register(
  io: LessonNamespace<ClientToServerEvents, ServerToClientEvents>,
  { counter }: LessonServices,
) {
  // #region server
  io.on('connection', async (socket) => {
    // #region numbered
    // The numbers come from a shared counter (memory on one server, Redis on
    // several), not a variable: each process would number its own messages.
    socket.on('message:send', async ({ text }) => {
      const n = await counter.add(1); // one step: two sends at once get two numbers
      io.emit('message:new', { n, from: socket.data.name, text });
    });
    // #endregion

    // #region recovered
    // Back within the recovery window (two minutes here), the socket has its old
    // id, rooms and `socket.data`, and the events it missed are on their way.
    // Only a new session needs the state from scratch.
    if (!socket.recovered) {
      socket.emit('session:start', { lastMessage: await counter.get() });
    }
    // #endregion
  });
  // #endregion

  // #region restart
  // When this process last "restarted": a restart is of one process, and so is its cooldown.
  let lastRestart = 0;

  // What a crash or a deploy looks like from the clients: the connection closes.
  io.on('connection', (socket) => {
    socket.on('server:restart', (ack) => {
      if (Date.now() - lastRestart < RESTART_COOLDOWN_MS) {
        return ack?.({ ok: false, error: RESTARTED_RECENTLY });
      }
      lastRestart = Date.now();
      ack?.({ ok: true });
      // `socket.nsp.sockets`: this namespace's sockets in this process only (a Map).
      for (const client of socket.nsp.sockets.values()) client.conn.close();
    });
  });
  // #endregion
}
