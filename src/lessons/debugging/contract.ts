import { z } from 'zod';
import type { Ack } from '../../shared/acks.ts';
import type { LessonContract } from '../../shared/events.ts';

/** Lesson `debugging`: a few events to watch on the wire, one of them mistyped on purpose. */

export interface ServerToClientEvents {
  /** The count: to a new socket on connect, and to everyone after an increment. */
  count: (count: number) => void;
  /** Someone waved: sent volatile, so a client that cannot take it now just misses it. */
  waved: (wave: { from: string }) => void;
  /** The catch-all's answer: the server got an event that nothing listens to. */
  unheard: (info: { event: string }) => void;
}

export interface ClientToServerEvents {
  increment: (ack?: Ack) => void;
  /** Answered through the ack, with the server's clock. */
  'ask:time': (ack: Ack<{ time: number }>) => void;
  wave: (ack?: Ack) => void;
}

export const debugging = {
  slug: 'debugging',
  clientEvents: {
    increment: { args: z.tuple([]) },
    'ask:time': { args: z.tuple([]), answers: true },
    // A wave reaches everyone: limited as chat messages are.
    wave: { args: z.tuple([]), rate: 'message' },
  },
} satisfies LessonContract<ClientToServerEvents>;
