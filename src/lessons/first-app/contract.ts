import { z } from 'zod';
import type { Ack } from '../../shared/acks.ts';
import type { LessonContract } from '../../shared/events.ts';
import { messageText } from '../../shared/text.ts';

/** Lesson `first-app`: what the server and its clients say to each other. */

export interface Note {
  from: string;
  text: string;
}

export interface ServerToClientEvents {
  /** A note, sent to everyone connected. */
  'note:new': (note: Note) => void;
}

export interface ClientToServerEvents {
  'note:send': (payload: { text: string }, ack?: Ack) => void;
}

export const firstApp = {
  slug: 'first-app',
  clientEvents: {
    'note:send': {
      args: z.tuple([
        z.object(
          { text: messageText },
          { error: 'Send an object like { text: "..." }.' },
        ),
      ]),
      // Others read it: limited as chat messages are.
      rate: 'message',
    },
  },
} satisfies LessonContract<ClientToServerEvents>;
