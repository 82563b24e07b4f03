/**
 * The messages between a lesson page and the sandboxed frame that runs a
 * learner's code. The frame has no network of its own (its CSP allows no
 * connection): each socket its `io()` makes asks the page, which holds the
 * real one. `socket` numbers the code's sockets within a run.
 */

/** Events of a socket's Manager that the code may listen to with `socket.io.on(…)`. */
export const MANAGER_EVENTS = ['reconnect_attempt', 'reconnect', 'reconnect_error', 'reconnect_failed'] as const;
export type ManagerEvent = (typeof MANAGER_EVENTS)[number];

/** From the frame to the page. */
export type FromSandbox =
  | { type: 'ready' }
  /** Sent every half second while the frame's event loop is free: silence means a busy loop. */
  | { type: 'alive' }
  | { type: 'log'; level: 'log' | 'info' | 'warn' | 'error'; text: string }
  | { type: 'error'; message: string; line?: number; column?: number }
  /** What the code's page shows (its text), whenever it changes. */
  | { type: 'page'; text: string }
  /** How tall the code's page is, so its frame can grow with it (up to a point). */
  | { type: 'size'; height: number }
  /** `io(namespace, { auth })`: a new socket. */
  | { type: 'open'; socket: number; namespace?: string; auth?: Record<string, unknown> }
  /** `socket.auth` changed (`socket.auth.serverOffset = 12`): the next handshake sends it. */
  | { type: 'auth'; socket: number; auth: Record<string, unknown> }
  /** `socket.connect()`, after a `disconnect()`. */
  | { type: 'connect'; socket: number }
  | { type: 'disconnect'; socket: number }
  /** `socket.io.engine.close()`: the connection drops as if the network did, so the Manager reconnects. */
  | { type: 'drop'; socket: number }
  | { type: 'emit'; socket: number; event: string; args: unknown[]; ackId?: number; volatile?: boolean }
  /** The code's answer to an event the server sent with an acknowledgement. */
  | { type: 'reply'; replyId: number; args: unknown[] };

/** From the page to the frame. */
export type ToSandbox =
  | { type: 'run'; code: string }
  | { type: 'status'; socket: number; connected: boolean; id?: string; reason?: string; recovered?: boolean }
  | { type: 'connect_error'; socket: number; message: string }
  | { type: 'manager'; socket: number; event: ManagerEvent; args: unknown[] }
  /** `replyId`: the server asked for an acknowledgement; the code answers with `reply`. */
  | { type: 'event'; socket: number; event: string; args: unknown[]; replyId?: number }
  | { type: 'ack'; socket: number; ackId: number; args: unknown[] };

/** Everything under this path is served with the sandbox's own CSP (see `static-files.ts`). */
export const SANDBOX_FOLDER = '/sandbox/';
/** The frame's page. */
export const SANDBOX_PAGE = `${SANDBOX_FOLDER}exercise/`;
/** How long the frame's event loop may stay busy before the page stops it. */
export const BUSY_LIMIT_MS = 3000;
/** How many sockets one run may open: enough for a few namespaces, not a flood. */
export const MAX_SOCKETS_PER_RUN = 8;
/** How long one of the code's loops may run without letting the page breathe (see `loop-guard.ts`). */
export const LOOP_LIMIT_MS = 1000;
/** The name of the check each loop of the learner's code calls, which the sandbox defines. */
export const LOOP_GUARD = '__loopGuard';
