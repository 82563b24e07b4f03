import { z } from 'zod';
import type { LessonContract } from '../../shared/events.ts';
import { messageText } from '../../shared/text.ts';
import type { ClientToServerEvents } from './events.ts';

/** Lesson `testing`: a shout, answered to the sender and broadcast to everyone else. */

export * from './events.ts';

export const testing = {
  slug: 'testing',
  clientEvents: {
    // Everyone else reads it: limited as chat messages are.
    shout: { args: z.tuple([messageText]), answers: true, rate: 'message' },
  },
} satisfies LessonContract<ClientToServerEvents>;
