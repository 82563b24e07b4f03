import createDebug from 'debug';
import type { LessonNamespace } from '../../server/plumbing/types.ts';
import {
  type ClientToServerEvents,
  FILE_NEW,
  FILE_SEND,
  type ServerToClientEvents,
  VALUE_NEW,
  VALUE_SEND,
  whatYouCanSend,
} from './contract.ts';

// Quiet by default; `DEBUG=workshop:*` prints what comes in.
const log = createDebug('workshop:what-you-can-send');

export const contract = whatYouCanSend;

export function register(
  io: LessonNamespace<ClientToServerEvents, ServerToClientEvents>,
) {
  // #region server
  io.on('connection', (socket) => {
    // #region any
    // Every event this socket sends, whatever its name, as it came: before
    // the middlewares (socket.use) have checked it, and before its listener.
    socket.onAny((event) => {
      log('%s sent %s', socket.data.name, event);
    });
    // #endregion

    // #region values
    // Two arguments came in; three go out, to everyone but the sender.
    socket.on(VALUE_SEND, (value, label) => {
      socket.broadcast.emit(VALUE_NEW, value, label, socket.data.name);
    });
    // #endregion

    // #region files
    // The bytes arrive as a Buffer and leave as a binary attachment, untouched.
    // Volatile: not queued for a busy connection, and not kept for clients
    // that come back (connection state recovery): a file is heavy to replay.
    socket.on(FILE_SEND, (file) => {
      socket.broadcast.volatile.emit(FILE_NEW, { ...file, from: socket.data.name });
    });
    // #endregion
  });
  // #endregion
}
