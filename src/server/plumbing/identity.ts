import type { ExtendedError } from 'socket.io';
import { handshakeAuth } from '../../shared/contract.ts';
import type { AnySocket } from './types.ts';

/**
 * Namespace middleware that sets `socket.data.name` from `auth: { name }` (outside classes),
 * or gives a friendly `Guest N`. The counter belongs to this middleware, so
 * every namespace numbers its own guests. A bad name refuses the connection
 * with a `connect_error` that says what is wrong.
 */
export function nameFromHandshake() {
  let guests = 0;
  return (socket: AnySocket, next: (err?: ExtendedError) => void) => {
    // A check before this one knows better: in a class, the name is the student's on the roster.
    if (socket.data.classKey !== undefined) return next();
    const auth = handshakeAuth.safeParse(socket.handshake.auth ?? {});
    if (!auth.success) {
      next(new Error(auth.error.issues[0]?.message ?? 'Your name is not valid.'));
      return;
    }
    socket.data.name = auth.data.name ?? `Guest ${++guests}`;
    next();
  };
}
