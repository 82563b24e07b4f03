import type { LessonNamespace } from '../../server/plumbing/types.ts';
import { whenSettled } from '../../server/plumbing/when-settled.ts';
import {
  ANSWER_MS,
  type ClientToServerEvents,
  emitVsBroadcast,
  LIST_QUIET_MS,
  type ServerToClientEvents,
} from './contract.ts';

export const contract = emitVsBroadcast;

// `io` is the lesson's namespace (typed with its events); the shown regions work on a Server too.
export function register(
  io: LessonNamespace<ClientToServerEvents, ServerToClientEvents>,
) {
  // #region server
  // #region clients
  // Everyone connected, on every server: `io.fetchSockets()` asks the other servers too,
  // and rejects if one of them does not answer within ANSWER_MS.
  async function sendClients() {
    const sockets = await io.timeout(ANSWER_MS).fetchSockets();
    io.emit(
      'clients',
      sockets.map((s) => ({ id: s.id, name: s.data.name })),
    );
  }
  // Sent once things are quiet after a change; a try that fails is made again.
  const clientsChanged = whenSettled(sendClients, { quietMs: LIST_QUIET_MS });
  // #endregion

  io.on('connection', (socket) => {
    const from = { id: socket.id, name: socket.data.name };
    clientsChanged(); // someone came: everyone gets the new list

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
    socket.on('emit:to', async ({ to, text }, ack) => {
      // Connected to this server or to another? `fetchSockets()` asks them all.
      const sockets = await io
        .in(to)
        .fetchSockets()
        .catch(() => null);
      if (!sockets) {
        return ack?.({
          ok: false,
          error: 'A server did not answer in time: try again.',
        });
      }
      if (!sockets.some((s) => s.id === to)) {
        return ack?.({ ok: false, error: 'That client is not connected (any more).' });
      }
      io.to(to).emit('message', { from, kind: 'direct', text });
      ack?.({ ok: true });
    });
    // #endregion

    socket.on('disconnect', clientsChanged); // someone left: everyone gets the new list
  });
  // #endregion
}
