import { z } from 'zod';
import type { LessonContract } from '../../shared/events.ts';
import { CHOICES, type ClientToServerEvents } from './events.ts';

/** Lesson `typescript`: a poll whose events, acks and socket data are typed by the maps of `events.ts`. */

export * from './events.ts';

export const typescript = {
  slug: 'typescript',
  clientEvents: {
    // The types say 'tabs' or 'spaces'; a client may send anything, so the server checks.
    'poll:vote': {
      args: z.tuple([
        z.enum(CHOICES, {
          error: `Vote ${CHOICES.map((c) => `"${c}"`).join(' or ')}.`,
        }),
      ]),
      answers: true,
    },
  },
} satisfies LessonContract<ClientToServerEvents>;
