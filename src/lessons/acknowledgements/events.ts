import type { Ack } from '../../shared/acks.ts';

// Lesson `acknowledgements`, without zod: the browser imports these.

/** The longest the demo's server may be told to wait before it answers. */
export const MAX_DELAY_MS = 10_000;
/** How long the server waits for a client to answer its question. */
export const CLIENT_ANSWER_TIMEOUT_MS = 3000;
/** The most answers a poll of every client passes on (a class can have many clients). */
export const MAX_POLL_ANSWERS = 50;

export interface ServerToClientEvents {
  /** The server asks this client a question; the client answers in the acknowledgement. */
  'question:ask': (
    question: { text: string },
    answer: (reply: { answer: string }) => void,
  ) => void;
}

export interface ClientToServerEvents {
  /** Ask the server; it answers in the acknowledgement after `delayMs`. */
  'question:send': (
    payload: { text: string; delayMs: number },
    ack?: Ack<{ answer: string; waitedMs: number }>,
  ) => void;
  /** Ask the server to ask this client a question; the ack says what the client answered (or that it did not). */
  'question:request': (ack?: Ack<{ answer: string }>) => void;
  /**
   * Ask the server to ask every client of the namespace; the ack lists the answers that came
   * in time (at most `MAX_POLL_ANSWERS`), and whether every client answered.
   */
  'question:poll': (ack?: Ack<{ answers: string[]; everyone: boolean }>) => void;
}
