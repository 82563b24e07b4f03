import type { LessonNamespace } from '../../server/plumbing/types.ts';
import { whenSettled } from '../../server/plumbing/when-settled.ts';
import {
  ANSWER_MS,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SocketData,
  TALLY_QUIET_MS,
  type Tally,
  typescript,
} from './contract.ts';

export const contract = typescript;

// `io` is the lesson's namespace, typed with the maps of events.ts; the shown code works on
// a `new Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>()` too.
export function register(
  io: LessonNamespace<ClientToServerEvents, ServerToClientEvents, SocketData>,
) {
  // #region server
  // #region tally
  // Every client's vote, on every server: `fetchSockets()` brings each one's
  // `socket.data`, typed by SocketData (so `choice` is 'tabs', 'spaces' or undefined).
  async function sendTally() {
    const sockets = await io.timeout(ANSWER_MS).fetchSockets();
    const tally: Tally = { tabs: 0, spaces: 0 };
    for (const s of sockets) if (s.data.choice) tally[s.data.choice]++;
    io.emit('poll:tally', tally);
  }
  // Sent once things are quiet after a change; a try that fails is made again.
  const tallyChanged = whenSettled(sendTally, { quietMs: TALLY_QUIET_MS });
  // #endregion

  io.on('connection', (socket) => {
    tallyChanged(); // a newcomer gets the tally (and so does everyone)

    // #region vote
    // `choice` is a Choice and `ack` the map's callback (or undefined): no annotations needed.
    socket.on('poll:vote', (choice, ack) => {
      socket.data.choice = choice;
      ack?.({ ok: true, choice });
      tallyChanged();
    });
    // #endregion

    socket.on('disconnect', tallyChanged); // a vote leaves with its voter
  });
  // #endregion
}
