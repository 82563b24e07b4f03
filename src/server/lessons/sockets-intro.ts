import createDebug from 'debug';
import {
  socketsIntro,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '../../shared/lessons/sockets-intro.ts';
import type { LessonNamespace } from '../plumbing/types.ts';

// Quiet by default; `DEBUG=workshop:*` prints what the seeds print with console.log.
const log = createDebug('workshop:sockets-intro');

export const contract = socketsIntro;

// #region server
export function register(io: LessonNamespace<ClientToServerEvents, ServerToClientEvents>) {
  // The state lives in this closure: every namespace that calls `register`
  // (the public one, and each class's) counts on its own.
  let count = 0;

  io.on('connection', (socket) => {
    // #region connection
    log('%s connected as %s', socket.id, socket.data.name);

    // The initial state goes to this socket only: the others already have it.
    socket.emit('number:change', count);
    socket.emit('welcome', { message: `Welcome, ${socket.data.name}! You are connected.` });
    // #endregion

    // #region events
    socket.on('increment', () => {
      count++;
      io.emit('number:change', count); // to everyone, the sender included
    });

    socket.on('decrement', () => {
      count--;
      io.emit('number:change', count);
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
  });
}
// #endregion
