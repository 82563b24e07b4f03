import createDebug from 'debug';
import type { LessonNamespace } from '../../server/plumbing/types.ts';
import {
  type ClientToServerEvents,
  firstApp,
  type ServerToClientEvents,
} from './contract.ts';

// Quiet by default; `DEBUG=workshop:*` prints what the project prints with console.log.
const log = createDebug('workshop:first-app');

export const contract = firstApp;

/**
 * The socket code of the lesson's project (project/server.js), line for line
 * (project.test.ts holds them equal), on the lesson's namespace.
 */
export function register(
  io: LessonNamespace<ClientToServerEvents, ServerToClientEvents>,
) {
  // #region server
  // A middleware runs once per client, before `connection`: next() lets it in,
  // next(error) turns it away, and the client gets `connect_error`.
  io.use((socket, next) => {
    if (socket.handshake.auth.name === 'Mallory') {
      return next(new Error('Mallory is not welcome here.'));
    }
    next();
  });

  io.on('connection', (socket) => {
    log('%s connected', socket.id);
    // To this client only; its id is the same on both sides.
    socket.emit('welcome', `Welcome! The server knows you as ${socket.id}.`);

    // The server can end a connection too: the client hears "io server disconnect".
    socket.on('goodbye', () => {
      socket.disconnect();
    });

    socket.on('disconnect', (reason) => {
      log('%s disconnected: %s', socket.id, reason);
    });
  });
  // #endregion
}
