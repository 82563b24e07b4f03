import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from './contract.ts';

// What both of this lesson's test files use: contract.test.ts (which runs in a
// browser page too, so nothing Node-only here) and server.test.ts.

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
export const NSP = '/acknowledgements';
