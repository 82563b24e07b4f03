import { z } from 'zod';
import type { LessonContract } from '../../shared/events.ts';
import { messageText } from '../../shared/text.ts';
import type { ClientToServerEvents } from './events.ts';

/** Lesson `delivery`: messages with offsets, caught up on reconnection, and sends retried and stored once. */

export * from './events.ts';

/** An id the client made up for one message (its page and a counter fit), so that the server can spot a retry. */
const clientOffset = z
  .string({ error: 'Send each message with a client offset (a string that names it).' })
  .regex(/^[\w-]{1,64}$/, 'A client offset is 1 to 64 letters, digits, - or _.');

export const delivery = {
  slug: 'delivery',
  clientEvents: {
    'message:send': {
      args: z.tuple([messageText, clientOffset]),
      answers: true,
      rate: 'message',
      lockable: true,
    },
  },
} satisfies LessonContract<ClientToServerEvents>;
