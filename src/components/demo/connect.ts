import { io, type Socket, type SocketOptions } from 'socket.io-client';

/** What a lesson may ask of its demo clients' sockets (lesson `delivery`: acks waited for, and retried). */
export type DeliveryOptions = Pick<SocketOptions, 'ackTimeout' | 'retries'>;

/**
 * Opens one demo client: its own connection to the lesson's namespace on
 * this page's origin. `forceNew` matters here only because a page holds
 * several clients; an app with one client per page writes just `io('/slug')`.
 */
export function connectClient<S extends object, C extends object>(
  namespace: string,
  auth: Record<string, unknown> = {},
  { ackTimeout, retries }: DeliveryOptions = {},
): Socket<S, C> {
  if (retries !== undefined) return io(namespace, { auth, forceNew: true, ackTimeout, retries });
  // #region connect
  const socket: Socket<S, C> = io(namespace, { auth, forceNew: true });
  // #endregion
  return socket;
}
