import type { LessonNamespace } from '../../server/plumbing/types.ts';
import {
  type ClientToServerEvents,
  type ServerToClientEvents,
  testing,
} from './contract.ts';

export const contract = testing;

/** The lesson's server: what the demo runs, and what `example.test.ts` tests on a plain `Server`. */
export function register(
  io: LessonNamespace<ClientToServerEvents, ServerToClientEvents>,
) {
  // #region server
  io.on('connection', (socket) => {
    socket.on('shout', (text, ack) => {
      if (typeof text !== 'string' || text.trim() === '') {
        return ack?.({ ok: false, error: 'Shout some text.' });
      }
      const loud = `${text.trim().toUpperCase()}!`;
      // To everyone but the sender; the sender hears its answer instead.
      socket.broadcast.emit('shouted', { from: socket.data.name, text: loud });
      ack?.({ ok: true, text: loud });
    });
  });
  // #endregion
}
