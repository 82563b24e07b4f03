import { z } from 'zod';
import type { LessonContract } from '../../shared/events.ts';
import { messageText } from '../../shared/text.ts';
import { type ClientToServerEvents, MAX_DELAY_MS } from './events.ts';

/** Lesson `acknowledgements`: a server that answers after a delay the reader sets, and a server that asks a client. */

export * from './events.ts';

export const acknowledgements = {
  slug: 'acknowledgements',
  clientEvents: {
    'question:send': {
      args: z.tuple([
        z.object(
          {
            text: messageText,
            delayMs: z
              .number({ error: 'The delay is a number of milliseconds.' })
              .int('The delay is a whole number of milliseconds.')
              .min(0, 'The delay cannot be negative.')
              .max(
                MAX_DELAY_MS,
                `The delay can be at most ${MAX_DELAY_MS / 1000} seconds.`,
              ),
          },
          { error: 'Send { text, delayMs }.' },
        ),
      ]),
      answers: true,
    },
    'question:request': { args: z.tuple([]), answers: true },
    // One poll sends a question to every client: charged like a message.
    'question:poll': { args: z.tuple([]), answers: true, rate: 'message' },
  },
} satisfies LessonContract<ClientToServerEvents>;
