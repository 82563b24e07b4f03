import { z } from 'zod';
import { roomName } from '../../shared/contract.ts';
import type { LessonContract } from '../../shared/events.ts';
import { messageText } from '../../shared/text.ts';
import {
  type ClientToServerEvents,
  IO_CLIENT_HELLO,
  IO_CLIENT_JOIN_ROOM,
  IO_CLIENT_LEAVE_ROOM,
  ROOM_NAME_MAX,
} from './events.ts';

/** Lesson `rooms`: what the server accepts. The names and payloads are in `events.ts`. */
export * from './events.ts';

// The same checks as chat's rooms.
const roomNameCheck = roomName(ROOM_NAME_MAX, {
  type: 'The room name must be a string.',
  empty: 'The room name cannot be empty.',
});

export const rooms = {
  slug: 'rooms',
  clientEvents: {
    // Joining and leaving answer for themselves: they can be refused by state.
    [IO_CLIENT_JOIN_ROOM]: { args: z.tuple([roomNameCheck]), answers: true },
    [IO_CLIENT_LEAVE_ROOM]: { args: z.tuple([roomNameCheck]), answers: true },
    [IO_CLIENT_HELLO]: { args: z.tuple([messageText]), answers: true, rate: 'message' },
  },
} satisfies LessonContract<ClientToServerEvents>;
