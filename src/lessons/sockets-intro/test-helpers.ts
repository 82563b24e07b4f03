import type { Socket } from 'socket.io-client';
import type { ContractServer } from '../../../test/contract-harness.ts';
import { nextEvent } from '../../../test/events.ts';
import type { ClientToServerEvents, ServerToClientEvents } from './contract.ts';

// What both of this lesson's test files use: contract.test.ts (which runs in a
// browser page too, so nothing Node-only here) and server.test.ts.

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
export const NSP = '/sockets-intro';

/** A client that is in, and has the count the server sends it on connect (with Redis, a moment after). */
export async function join(
  server: Pick<ContractServer, 'open'>,
  auth?: object,
): Promise<Client> {
  const socket: Client = server.open(NSP, auth);
  await nextEvent(socket, 'number:change');
  return socket;
}
