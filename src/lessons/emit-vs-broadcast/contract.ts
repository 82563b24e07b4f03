import { z } from 'zod';
import type { LessonContract } from '../../shared/events.ts';
import { messageText } from '../../shared/text.ts';

import type { ClientToServerEvents } from './events.ts';

/** Lesson `emit-vs-broadcast`: four ways to send, and who receives each. */

export * from './events.ts';

const textPayload = z.tuple([
  z.object({ text: messageText }, { error: 'Send an object like { text: "..." }.' }),
]);

export const emitVsBroadcast = {
  slug: 'emit-vs-broadcast',
  clientEvents: {
    'emit:self': { args: textPayload },
    'emit:all': { args: textPayload, rate: 'message' },
    'emit:others': { args: textPayload, rate: 'message' },
    'emit:to': {
      args: z.tuple([
        z.object(
          {
            to: z
              .string({ error: 'Say who to send to: { to: socketId, text }.' })
              .min(1, 'Say who to send to.'),
            text: messageText,
          },
          { error: 'Send an object like { to: socketId, text: "..." }.' },
        ),
      ]),
      // The handler answers: only it knows whether the recipient is connected.
      answers: true,
      rate: 'message',
    },
  },
} satisfies LessonContract<ClientToServerEvents>;
