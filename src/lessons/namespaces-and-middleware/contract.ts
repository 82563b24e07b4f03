import { z } from 'zod';
import type { LessonContract } from '../../shared/events.ts';
import { messageText } from '../../shared/text.ts';
import type { ClientToServerEvents } from './events.ts';

/** Lesson `namespaces-and-middleware`: a lobby, a staff room behind a token, and a namespace per team; one event in each. */

export * from './events.ts';

export const namespacesAndMiddleware = {
  slug: 'namespaces-and-middleware',
  clientEvents: {
    'note:post': {
      args: z.tuple([
        z.object({ text: messageText }, { error: 'Send a note like { text: "..." }.' }),
      ]),
      rate: 'message',
    },
  },
} satisfies LessonContract<ClientToServerEvents>;
