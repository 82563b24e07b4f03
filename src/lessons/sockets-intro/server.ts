import createDebug from 'debug';
import type { LessonNamespace, LessonServices } from '../../server/plumbing/types.ts';
import {
  type ClientToServerEvents,
  type ServerToClientEvents,
  socketsIntro,
} from './contract.ts';

// Quiet by default; `DEBUG=workshop:*` prints what the seeds print with console.log.
const log = createDebug('workshop:sockets-intro');

export const contract = socketsIntro;

export function register(
  io: LessonNamespace<ClientToServerEvents, ServerToClientEvents>,
  { counter }: LessonServices,
) {
  // #region server
  // The count lives in `counter`, not in a variable: the server may be
  // several processes (scale-out), and a variable would be one process's own.
  io.on('connection', async (socket) => {
    // Listeners first: an event that comes while the count is read finds its handler.
    // #region events
    socket.on('increment', async () => {
      io.emit('number:change', await counter.add(1)); // to everyone, the sender included
    });

    socket.on('decrement', async () => {
      io.emit('number:change', await counter.add(-1));
    });

    socket.on('thanks', ({ message }) => {
      log('%s says: %s', socket.data.name, message);
    });
    // #endregion

    // #region disconnect
    socket.on('disconnect', (reason) => {
      log('%s disconnected (%s)', socket.id, reason);
    });
    // #endregion

    // #region connection
    log('%s connected as %s', socket.id, socket.data.name);
    const message = `Welcome, ${socket.data.name}! You are connected.`;
    socket.emit('welcome', { message });
    // The initial state goes to this socket only: the others already have it.
    socket.emit('number:change', await counter.get());
    // #endregion
  });
  // #endregion
}
