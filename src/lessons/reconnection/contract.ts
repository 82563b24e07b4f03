import { z } from 'zod';
import type { LessonContract } from '../../shared/events.ts';
import { messageText } from '../../shared/text.ts';
import type { ClientToServerEvents } from './events.ts';

/** Lesson `reconnection`: numbered messages, and faults to come back from. */

export * from './events.ts';

export const reconnection = {
  slug: 'reconnection',
  clientEvents: {
    'message:send': {
      args: z.tuple([
        z.object(
          { text: messageText },
          { error: 'Send a message like { text: "..." }.' },
        ),
      ]),
      rate: 'message',
    },
    'server:restart': { args: z.tuple([]), answers: true },
  },
} satisfies LessonContract<ClientToServerEvents>;
