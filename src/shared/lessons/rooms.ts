import { z } from 'zod';
import { shownText } from '../contract.ts';
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

// Room names are broadcast ("Ada joined <room>"): the same checks as chat's rooms.
const roomName = shownText(ROOM_NAME_MAX, {
  type: 'The room name must be a string.',
  empty: 'The room name cannot be empty.',
  long: `A room name can be at most ${ROOM_NAME_MAX} characters.`,
  hidden: 'A room name cannot contain invisible or control characters.',
  blank: 'A room name needs at least one visible character.',
});

export const rooms = {
  slug: 'rooms',
  clientEvents: {
    // Joining and leaving answer for themselves: they can be refused by state.
    [IO_CLIENT_JOIN_ROOM]: { args: z.tuple([roomName]), answers: true },
    [IO_CLIENT_LEAVE_ROOM]: { args: z.tuple([roomName]), answers: true },
    [IO_CLIENT_HELLO]: { args: z.tuple([messageText]), answers: true },
  },
} satisfies LessonContract<ClientToServerEvents>;
