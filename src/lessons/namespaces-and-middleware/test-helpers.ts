import type { Socket } from 'socket.io-client';
import { connected } from '../../../test/events.ts';
import type { ClientToServerEvents, ServerToClientEvents } from './contract.ts';

// What both of this lesson's test files use: contract.test.ts (which runs in a
// browser page too, so nothing Node-only here) and server.test.ts.

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
export const NSP = '/namespaces-and-middleware';
export const STAFF = `${NSP}/staff`;
export const raw = (socket: Client) => socket as unknown as Socket;

/** Namespaces opened on connections that clients already have, and closed after each test. */
export function moreNamespaces() {
  const extra: Client[] = [];
  return {
    /** A second namespace on the connection `lobby` already has, as an app would open it. */
    async alsoOpen(lobby: Client, namespace: string, auth: object): Promise<Client> {
      const socket = lobby.io.socket(namespace, { auth }) as Client;
      extra.push(socket);
      await connected(socket);
      return socket;
    },
    closeAll() {
      for (const socket of extra.splice(0)) socket.disconnect();
    },
  };
}
