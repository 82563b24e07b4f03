/**
 * The messages between a lesson page and the sandboxed frame that runs a
 * learner's server on the real `socket.io` package. The page's clients reach
 * it through MessagePorts (Engine.IO over `postMessage`): `accept` carries
 * one, transferred, per connection.
 */

/** From the frame to the page. */
export type FromServerFrame =
  | { type: 'ready' }
  /** Every half second while the frame's event loop is free: silence means a busy loop. */
  | { type: 'alive' }
  | { type: 'log'; level: 'log' | 'info' | 'warn' | 'error'; text: string }
  /** `during`: while the code first ran (the server never started), or later, in a handler (it runs on). */
  | { type: 'error'; message: string; line?: number; during: 'start' | 'handler' }
  /** The code ran to its end; `listening`: some namespace has a `connection` handler. */
  | { type: 'started'; listening: boolean }
  /** A client sent an event that no handler of its socket takes (said once per namespace and event). */
  | { type: 'unhandled'; namespace: string; event: string };

/** What the page asks of the server it starts. */
export interface ServerRunOptions {
  /** `new Server({ connectionStateRecovery: {} })` for the `io` that the code is given. */
  connectionStateRecovery?: boolean;
  /** The lesson's own names (its `events.ts` constants), as globals of the code: its shown code uses them. */
  names?: Record<string, string | number | boolean>;
}

/** From the page to the frame. */
export type ToServerFrame =
  | { type: 'run'; code: string; options: ServerRunOptions }
  /** A client connects: the message's one transferred port is its end of the channel. */
  | { type: 'accept'; headers: Record<string, string> };

/** The server frame's page (under the sandbox folder, so with the sandbox's CSP). */
export const SERVER_SANDBOX_PAGE = '/sandbox/server/';
/** Called at the end of the learner's code: it ran to its end. */
export const SERVER_STARTED = '__serverStarted';
/** What the code may import from: the page gives it the real package's exports. */
export const SERVER_MODULE = 'socket.io';
/** The global that stands for the package in the code: `import { Server } from 'socket.io'` reads it. */
export const SERVER_MODULE_GLOBAL = '__socketIo';
