import type { DefaultEventsMap, Namespace } from 'socket.io';
import type { LessonServer } from '../../server/plumbing/types.ts';
import {
  type ClientToServerEvents,
  NO_TOKEN,
  namespacesAndMiddleware,
  type ServerToClientEvents,
  STAFF_TOKEN,
  VISITOR_TOKEN,
  VISITORS_READ_ONLY,
  WRONG_TOKEN,
} from './contract.ts';

export const contract = namespacesAndMiddleware;

type Role = 'staff' | 'visitor';

/**
 * The lobby (the lesson's own namespace), the staff room and the teams. The
 * workshop puts them under `/namespaces-and-middleware`; the code is as an app's.
 */
export function register(
  io: LessonServer<ClientToServerEvents, ServerToClientEvents, { role: Role }>,
) {
  // #region server
  // #region relay
  // A namespace of notes, typed the way an app types its own: the event maps, and
  // what each socket keeps in `socket.data` (its name, and its role once it has one).
  type NotesNamespace = Namespace<
    ClientToServerEvents,
    ServerToClientEvents,
    DefaultEventsMap,
    { name: string; role?: 'staff' | 'visitor' }
  >;

  // Each namespace relays notes to its own clients, and only to them: `emit` on a
  // namespace never leaves it, even when one connection carries several.
  function relayNotes(nsp: NotesNamespace) {
    nsp.on('connection', (socket) => {
      // `socket.nsp` is the socket's own namespace: under a pattern, its team's.
      socket.on('note:post', ({ text }) => {
        socket.nsp.emit('note:new', { from: socket.data.name, text });
      });
    });
  }
  // #endregion

  // #region staff
  const ROLES = new Map<unknown, Role>([
    [STAFF_TOKEN, 'staff'],
    [VISITOR_TOKEN, 'visitor'],
  ]);

  function staffRoom(staff: NotesNamespace) {
    // #region use
    // Runs once per connection, before it is accepted. An error refuses it: the
    // client gets a `connect_error` with this message, and no handler runs.
    staff.use((socket, next) => {
      const { token } = socket.handshake.auth;
      if (!token) return next(new Error(NO_TOKEN));
      const role = ROLES.get(token);
      if (!role) return next(new Error(WRONG_TOKEN));
      socket.data.role = role; // kept on the socket for the handlers
      next();
    });
    // #endregion

    staff.on('connection', (socket) => {
      // #region socket-use
      // Runs for every packet this socket sends, before any handler sees it.
      socket.use(([event, ...args], next) => {
        if (event !== 'note:post' || socket.data.role === 'staff') return next();
        const ack = args.at(-1);
        if (typeof ack === 'function') ack({ ok: false, error: VISITORS_READ_ONLY });
        // No next(): the packet stops here.
      });
      // #endregion
    });
    relayNotes(staff);
  }
  // #endregion

  // #region of
  relayNotes(io); // the main namespace: here, the lobby
  staffRoom(io.of('/staff'));
  // #endregion
  // #region teams
  // A dynamic namespace: each name that matches becomes a namespace of its own
  // when its first client connects, and goes when its last one leaves.
  relayNotes(io.of(/^\/team-[a-z]{1,12}$/));
  // #endregion
  // #endregion
}
