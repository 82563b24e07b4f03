/**
 * The messages between a lesson page and the sandboxed frame that runs a
 * learner's code. The frame has no network of its own (its CSP allows no
 * connection): its `io()` asks the page, which holds the real socket.
 */

/** From the frame to the page. */
export type FromSandbox =
  | { type: 'ready' }
  /** Sent every half second while the frame's event loop is free: silence means a busy loop. */
  | { type: 'alive' }
  | { type: 'log'; level: 'log' | 'info' | 'warn' | 'error'; text: string }
  | { type: 'error'; message: string; line?: number; column?: number }
  /** What the code's page shows (its text), whenever it changes. */
  | { type: 'page'; text: string }
  | { type: 'connect' }
  | { type: 'disconnect' }
  | { type: 'emit'; event: string; args: unknown[]; ackId?: number }
  /** The code's answer to an event the server sent with an acknowledgement. */
  | { type: 'reply'; replyId: number; args: unknown[] };

/** From the page to the frame. */
export type ToSandbox =
  | { type: 'run'; code: string; namespace: string }
  | { type: 'status'; connected: boolean; id?: string; reason?: string }
  /** `replyId`: the server asked for an acknowledgement; the code answers with `reply`. */
  | { type: 'event'; event: string; args: unknown[]; replyId?: number }
  | { type: 'ack'; ackId: number; args: unknown[] };

/** Everything under this path is served with the sandbox's own CSP (see `static-files.ts`). */
export const SANDBOX_FOLDER = '/sandbox/';
/** The frame's page. */
export const SANDBOX_PAGE = `${SANDBOX_FOLDER}exercise/`;
/** How long the frame's event loop may stay busy before the page stops it. */
export const BUSY_LIMIT_MS = 3000;
