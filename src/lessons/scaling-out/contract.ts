import { z } from 'zod';
import type { LessonContract } from '../../shared/events.ts';
import { messageText } from '../../shared/text.ts';
import type { ClientToServerEvents } from './events.ts';

/** Lesson `scaling-out`: two nodes, one broadcast, and an adapter to switch on and off. */

export * from './events.ts';

export const scalingOut = {
  slug: 'scaling-out',
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
    'adapter:set': {
      args: z.tuple([
        z.object(
          { on: z.boolean({ error: 'Say { on: true } or { on: false }.' }) },
          { error: 'Say { on: true } or { on: false }.' },
        ),
      ]),
    },
  },
} satisfies LessonContract<ClientToServerEvents>;
