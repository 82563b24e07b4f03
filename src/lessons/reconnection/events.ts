import type { Ack } from '../../shared/acks.ts';

// Lesson `reconnection`, without zod: the browser imports these.

/** "Restart server" drops every client of the namespace; once in this long, so a loop of clicks cannot keep a class offline. */
export const RESTART_COOLDOWN_MS = 5000;
export const RESTARTED_RECENTLY =
  'The server restarted a moment ago: give the clients a few seconds to come back first.';
/** The longest "Go offline" the demo offers: past the two-minute recovery window, on purpose. */
export const MAX_OFFLINE_SECONDS = 180;

export interface Message {
  /** Numbered per namespace by the server: a gap in the numbers is a message this client missed. */
  n: number;
  from: string;
  text: string;
}

export interface ServerToClientEvents {
  'message:new': (message: Message) => void;
  /** To a new session only (not to a recovered one): the number of the latest message so far. */
  'session:start': (state: { lastMessage: number }) => void;
}

export interface ClientToServerEvents {
  'message:send': (message: { text: string }, ack?: Ack) => void;
  /** Close every connection of this namespace, as a crash or a deploy would. */
  'server:restart': (ack?: Ack) => void;
}
