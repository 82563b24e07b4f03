// Lesson `typescript`: the four maps that type a Socket.IO app, shared by its
// server and its clients. No imports and no zod: the browser, the server and
// the exercise's type checker all read this file as it is.

// #region maps
/** The poll's question, and the only answers it takes. */
export const QUESTION = 'Tabs or spaces?';
export const CHOICES = ['tabs', 'spaces'] as const;
export type Choice = (typeof CHOICES)[number]; // 'tabs' | 'spaces'

/** How many votes each choice has, over every connected client. */
export type Tally = Record<Choice, number>;

/** The answer to a vote: taken, or refused with a sentence. */
export type VoteReply = { ok: true; choice: Choice } | { ok: false; error: string };

/** What the server sends: `emit` on the server, `on` on the client. */
export interface ServerToClientEvents {
  /** The votes so far: to everyone, after each change. */
  'poll:tally': (tally: Tally) => void;
}

/** What a client sends: `emit` on the client, `on` on the server. */
export interface ClientToServerEvents {
  /** Vote (again, to change it); the callback, always sent, gets the server's answer. */
  'poll:vote': (choice: Choice, ack: (reply: VoteReply) => void) => void;
}

/** What the servers of one app say to each other: `serverSideEmit`, and `io.on`. */
export interface InterServerEvents {
  'poll:hello': (serverName: string) => void;
}

/** What the server keeps on each socket: `socket.data`. */
export interface SocketData {
  name: string;
  choice?: Choice;
}
// #endregion

/** The tally goes out once things have been quiet this long after a change. */
export const TALLY_QUIET_MS = 200;
/** How long a tally waits for the other servers' answers: less than the quiet time. */
export const ANSWER_MS = 120;
