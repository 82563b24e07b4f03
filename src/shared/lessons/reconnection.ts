import { z } from 'zod';
import type { LessonContract } from '../events.ts';
import { messageText } from '../text.ts';
import type { ClientToServerEvents } from './reconnection-events.ts';

/** Lesson `reconnection`: numbered messages, and faults to come back from. */

export * from './reconnection-events.ts';

export const reconnection = {
  slug: 'reconnection',
  clientEvents: {
    'message:send': { args: z.tuple([z.object({ text: messageText }, { error: 'Send a message like { text: "..." }.' })]), rate: 'message' },
    'server:restart': { args: z.tuple([]), answers: true },
  },
} satisfies LessonContract<ClientToServerEvents>;
