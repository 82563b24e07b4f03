import type { LessonNamespace } from '../../server/plumbing/types.ts';
import {
  type ClientToServerEvents,
  firstApp,
  type ServerToClientEvents,
} from './contract.ts';

export const contract = firstApp;

export function register(
  io: LessonNamespace<ClientToServerEvents, ServerToClientEvents>,
) {
  // #region server
  io.on('connection', (socket) => {
    socket.on('note:send', ({ text }) => {
      io.emit('note:new', { from: socket.data.name, text }); // to everyone, the sender included
    });
  });
  // #endregion
}
