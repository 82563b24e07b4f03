import type { Ack } from '../../shared/acks.ts';

// Lesson `delivery`, without zod: the browser imports these.

/** A client that connects (or comes back as a new session) gets at most this many of the messages it missed. */
export const CATCH_UP_MAX = 50;
/** How long the demo's "Close for 5 s" keeps a client away. */
export const AWAY_SECONDS = 5;

/** A stored message. `id` is its offset: it only ever increases, so "after id N" means "what I have not seen". */
export interface Message {
  id: number;
  user: string;
  text: string;
  /** Milliseconds since the epoch, on the server's clock. */
  at: number;
}

export interface ServerToClientEvents {
  message: (message: Message) => void;
}

export interface ClientToServerEvents {
  /** `clientOffset` names this message, the same for every retry of it, so the server stores it once. */
  'message:send': (
    text: string,
    clientOffset: string,
    ack?: Ack<{ id: number }>,
  ) => void;
}
