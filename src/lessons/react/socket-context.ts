import { createContext, use } from 'react';
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from './contract.ts';

export type CounterSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

// #region context
/** The app's one socket, made outside React and handed down to every component that needs it. */
export const SocketContext = createContext<CounterSocket | null>(null);

export function useSocket(): CounterSocket {
  const socket = use(SocketContext);
  if (!socket)
    throw new Error('useSocket needs a <SocketContext value={socket}> around it.');
  return socket;
}
// #endregion
