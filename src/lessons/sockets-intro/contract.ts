import { z } from 'zod';
import type { Ack } from '../../shared/acks.ts';
import type { LessonContract } from '../../shared/events.ts';
import { messageText } from '../../shared/text.ts';

/** Lesson `sockets-intro`: one shared counter, a welcome and a thank-you. */

export interface ServerToClientEvents {
  /** The count: sent to a new socket on connect, and to everyone on change. */
  'number:change': (count: number) => void;
  welcome: (payload: { message: string }) => void;
}

export interface ClientToServerEvents {
  increment: (ack?: Ack) => void;
  decrement: (ack?: Ack) => void;
  thanks: (payload: { message: string }, ack?: Ack) => void;
}

export const socketsIntro = {
  slug: 'sockets-intro',
  clientEvents: {
    increment: { args: z.tuple([]) },
    decrement: { args: z.tuple([]) },
    thanks: {
      args: z.tuple([
        z.object(
          { message: messageText },
          { error: 'Send an object like { message: "..." }.' },
        ),
      ]),
    },
  },
} satisfies LessonContract<ClientToServerEvents>;
