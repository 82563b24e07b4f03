import {
  emitVsBroadcast,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from './contract.ts';
import type { LessonNamespace } from '../../server/plumbing/types.ts';

export const contract = emitVsBroadcast;

// #region server
export function register(io: LessonNamespace<ClientToServerEvents, ServerToClientEvents>) {
  // #region clients
  // `io.sockets` is a Map of socket id -> socket (in Socket.IO 2 it was a plain object).
  function sendClients() {
    const clients = [...io.sockets.values()].map((s) => ({ id: s.id, name: s.data.name }));
    io.emit('clients', clients);
  }
  // #endregion

  io.on('connection', (socket) => {
    const from = { id: socket.id, name: socket.data.name };
    sendClients(); // someone came: everyone gets the new list

    // #region four-ways
    // 1. Back to the sender only.
    socket.on('emit:self', ({ text }) => {
      socket.emit('message', { from, kind: 'self', text });
    });

    // 2. To every client of the namespace, the sender included.
    socket.on('emit:all', ({ text }) => {
      io.emit('message', { from, kind: 'all', text });
    });

    // 3. To every client except the sender.
    socket.on('emit:others', ({ text }) => {
      socket.broadcast.emit('message', { from, kind: 'others', text });
    });

    // 4. To one chosen client: every socket is alone in a room named by its id.
    socket.on('emit:to', ({ to, text }, ack) => {
      if (!io.sockets.has(to)) {
        return ack({ ok: false, error: 'That client is not connected (any more).' });
      }
      io.to(to).emit('message', { from, kind: 'direct', text });
      ack({ ok: true });
    });
    // #endregion

    socket.on('disconnect', sendClients); // someone left: everyone gets the new list
  });
}
// #endregion
