import { z } from 'zod';
import type { LessonContract } from '../events.ts';
import { messageText } from '../text.ts';
import {
  IO_CLIENT_HELLO,
  IO_CLIENT_JOIN_ROOM,
  IO_CLIENT_LEAVE_ROOM,
  ROOM_NAME_MAX,
  type ClientToServerEvents,
} from './rooms-events.ts';

/** Lesson `rooms`: what the server accepts. The names and payloads are in `rooms-events.ts`. */
export * from './rooms-events.ts';

const roomName = z
  .string({ error: 'The room name must be a string.' })
  .trim()
  .min(1, 'The room name cannot be empty.')
  .max(ROOM_NAME_MAX, `A room name can be at most ${ROOM_NAME_MAX} characters.`);

export const rooms = {
  slug: 'rooms',
  clientEvents: {
    // Joining and leaving answer for themselves: they can be refused by state.
    [IO_CLIENT_JOIN_ROOM]: { args: z.tuple([roomName]), answers: true },
    [IO_CLIENT_LEAVE_ROOM]: { args: z.tuple([roomName]), answers: true },
    [IO_CLIENT_HELLO]: { args: z.tuple([messageText]), answers: true },
  },
} satisfies LessonContract<ClientToServerEvents>;
