import { z } from 'zod';
import type { LessonContract } from '../../shared/events.ts';
import type { ClientToServerEvents } from './events.ts';

export type { ClientToServerEvents, ServerToClientEvents } from './events.ts';
export { TURNED_AWAY } from './events.ts';

export const firstApp = {
  slug: 'first-app',
  clientEvents: {
    goodbye: { args: z.tuple([]) },
  },
} satisfies LessonContract<ClientToServerEvents>;
