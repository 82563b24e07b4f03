import type { Ack } from '../../shared/acks.ts';

// Lesson `emit-vs-broadcast`: four ways to send, and who receives each. Without zod: the browser imports these.

export interface Client {
  id: string;
  name: string;
}

/** How a message was sent: `socket.emit`, `io.emit`, `socket.broadcast.emit`, `io.to(id).emit`. */
export type MessageKind = 'self' | 'all' | 'others' | 'direct';

export interface Message {
  from: Client;
  kind: MessageKind;
  text: string;
}

/** The list of clients goes out once things have been quiet this long after a change (the page says why). */
export const LIST_QUIET_MS = 200;
/** How long a list waits for the other servers' answers: less than the quiet time. */
export const ANSWER_MS = 120;

export interface ServerToClientEvents {
  message: (message: Message) => void;
  /** Everyone connected to the namespace (on every server), sent to all after someone comes or goes. */
  clients: (clients: Client[]) => void;
}

export interface ClientToServerEvents {
  'emit:self': (payload: { text: string }, ack?: Ack) => void;
  'emit:all': (payload: { text: string }, ack?: Ack) => void;
  'emit:others': (payload: { text: string }, ack?: Ack) => void;
  'emit:to': (payload: { to: string; text: string }, ack?: Ack) => void;
}
