import { z } from 'zod';
import type { Ack } from '../../shared/acks.ts';
import type { LessonContract } from '../../shared/events.ts';

/** Lesson `react`: a shared counter, its clients written in React. */

export interface ServerToClientEvents {
  /** The count: sent to a new socket on connect, and to everyone on every change. */
  'number:change': (count: number) => void;
}

export interface ClientToServerEvents {
  increment: (ack?: Ack) => void;
  decrement: (ack?: Ack) => void;
}

export const react = {
  slug: 'react',
  clientEvents: {
    increment: { args: z.tuple([]) },
    decrement: { args: z.tuple([]) },
  },
} satisfies LessonContract<ClientToServerEvents>;
