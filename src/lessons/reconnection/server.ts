import {
  reconnection,
  RESTART_COOLDOWN_MS,
  RESTARTED_RECENTLY,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from './contract.ts';
import type { LessonNamespace } from '../../server/plumbing/types.ts';

export const contract = reconnection;

// #region server
export function register(io: LessonNamespace<ClientToServerEvents, ServerToClientEvents>) {
  let lastMessage = 0; // numbered, so that a client can see a gap
  let lastRestart = 0;

  io.on('connection', (socket) => {
    // #region recovered
    // Back within the recovery window (two minutes here), the socket has its old id,
    // rooms and `socket.data`, and the broadcasts it missed are already on their way.
    // Only a new session needs the state from scratch.
    if (!socket.recovered) socket.emit('session:start', { lastMessage });
    // #endregion

    socket.on('message:send', ({ text }) => {
      io.emit('message:new', { n: ++lastMessage, from: socket.data.name, text });
    });

    // #region restart
    // What a crash or a deploy looks like from the clients: the connection just closes.
    socket.on('server:restart', (ack) => {
      if (Date.now() - lastRestart < RESTART_COOLDOWN_MS) return ack({ ok: false, error: RESTARTED_RECENTLY });
      lastRestart = Date.now();
      ack({ ok: true });
      for (const client of io.sockets.values()) client.conn.close();
    });
    // #endregion
  });
}
// #endregion
