import type { LessonNamespace, LessonServices } from '../../server/plumbing/types.ts';
import {
  type ClientToServerEvents,
  react,
  type ServerToClientEvents,
} from './contract.ts';

export const contract = react;

export function register(
  io: LessonNamespace<ClientToServerEvents, ServerToClientEvents>,
  { counter }: LessonServices,
) {
  // #region server
  // The count lives in `counter` (shared by every server process), not in a variable.
  io.on('connection', async (socket) => {
    // The handlers first: a click that comes while the count is read finds them.
    socket.on('increment', async () => {
      io.emit('number:change', await counter.add(1)); // everyone, the clicker too
    });

    socket.on('decrement', async () => {
      io.emit('number:change', await counter.add(-1));
    });

    // A newcomer gets the count as it is now: this socket only.
    socket.emit('number:change', await counter.get());
  });
  // #endregion
}
