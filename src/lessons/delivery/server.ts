import type { LessonNamespace } from '../../server/plumbing/types.ts';
import {
  type ChatHistory,
  memoryChatHistory,
} from '../../server/storage/chat-history.ts';
import {
  CATCH_UP_MAX,
  type ClientToServerEvents,
  delivery,
  type Message,
  type ServerToClientEvents,
} from './contract.ts';

export const contract = delivery;

export function register(
  io: LessonNamespace<ClientToServerEvents, ServerToClientEvents>,
  { history = memoryChatHistory() }: { history?: ChatHistory } = {},
) {
  // #region server
  const ALL = 'all'; // the demo's one conversation: the store keeps it under this room name

  // The handshake's `serverOffset`: a whole number from 0, or 0 (a client may send anything there).
  function offsetOf(auth: Record<string, unknown>): number {
    const offset = auth.serverOffset;
    return typeof offset === 'number' && Number.isSafeInteger(offset) && offset > 0
      ? offset
      : 0;
  }

  io.on('connection', async (socket) => {
    // #region send
    socket.on('message:send', async (text, clientOffset, ack) => {
      // A retry of a message already stored: store nothing, answer as the first time.
      // Send it again too (the first try's server may have died before it could);
      // a client skips an id it already has.
      const stored = await history.sentAs<Message>(clientOffset);
      if (stored) {
        io.emit('message', stored);
        return ack?.({ ok: true, id: stored.id });
      }
      const id = await history.nextId();
      const message = { id, user: socket.data.name, text, at: Date.now() };
      await history.add(ALL, message, clientOffset); // stored before it is sent
      io.emit('message', message); // to everyone, the sender too: the id is the offset
      ack?.({ ok: true, id });
    });
    // #endregion

    // #region catch-up
    // Back within two minutes, the session is recovered: Socket.IO replays what this
    // client missed. Otherwise its handshake says the last offset it saw.
    if (!socket.recovered) {
      const after = offsetOf(socket.handshake.auth);
      const missed = await history.recent<Message>(ALL, CATCH_UP_MAX, after);
      for (const message of missed) socket.emit('message', message);
    }
    // #endregion
  });
  // #endregion
}
