import type { Ack } from '../../shared/acks.ts';

// Lesson `testing`, without zod: the browser and the tests import these.

/** A shout as the others hear it: who shouted, and the loud text. */
export interface Shout {
  from: string;
  text: string;
}

export interface ServerToClientEvents {
  /** Someone else shouted (the sender does not get its own). */
  shouted: (shout: Shout) => void;
}

export interface ClientToServerEvents {
  /** Shout `text`; the ack carries the loud text that the others heard. */
  shout: (text: string, ack?: Ack<{ text: string }>) => void;
}
