import type { LessonNamespace, LessonServices } from '../../server/plumbing/types.ts';
import {
  type ClientToServerEvents,
  debugging,
  type ServerToClientEvents,
} from './contract.ts';

export const contract = debugging;

export function register(
  io: LessonNamespace<ClientToServerEvents, ServerToClientEvents>,
  { counter }: LessonServices,
) {
  // #region server
  io.on('connection', async (socket) => {
    // #region catch-all
    // Every incoming event passes here first, whether or not anything listens to it.
    socket.onAny((event) => {
      if (socket.listeners(event).length === 0) {
        socket.emit('unheard', { event: String(event).slice(0, 40) }); // "no listener for incremnt"
      }
    });
    // #endregion

    socket.on('increment', async () => {
      io.emit('count', await counter.add(1)); // to everyone, the sender included
    });

    // The answer goes back through the ack: on the wire, a 43 with the same ack id.
    socket.on('ask:time', (ack) => {
      ack?.({ ok: true, time: Date.now() }); // a client may send no callback
    });

    // Volatile: a client that cannot take it right now misses it, rather than getting it late.
    socket.on('wave', () => {
      io.volatile.emit('waved', { from: socket.data.name });
    });

    socket.emit('count', await counter.get());
  });
  // #endregion
}
