import { io, type Socket } from 'socket.io-client';

/**
 * Opens one demo client: its own connection to the lesson's namespace on
 * this page's origin. `forceNew` matters here only because a page holds
 * several clients; an app with one client per page writes just `io('/slug')`.
 */
export function connectClient<S extends object, C extends object>(
  namespace: string,
  auth: Record<string, string> = {},
): Socket<S, C> {
  // #region connect
  const socket: Socket<S, C> = io(namespace, { auth, forceNew: true });
  // #endregion
  return socket;
}
