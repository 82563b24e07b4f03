import { z } from 'zod';
import type { Ack } from '../acks.ts';
import type { LessonContract } from '../events.ts';
import { messageText } from '../text.ts';

/**
 * Lesson `rooms`. The event names are constants that the server and the
 * client both import, so a typo is a compile error rather than a message
 * that silently goes nowhere (what seed 002 teaches, typed here).
 */
export const IO_CLIENT_JOIN_ROOM = 'IO_CLIENT_JOIN_ROOM';
export const IO_CLIENT_LEAVE_ROOM = 'IO_CLIENT_LEAVE_ROOM';
export const IO_CLIENT_HELLO = 'IO_CLIENT_HELLO';
export const IO_SERVER_HELLO = 'IO_SERVER_HELLO';
export const IO_SERVER_ROOMS = 'IO_SERVER_ROOMS';

/** Room names are trimmed, 1 to 32 characters; a client is in at most 10 rooms. */
export const ROOM_NAME_MAX = 32;
export const MAX_ROOMS_PER_CLIENT = 10;

export interface Member {
  id: string;
  name: string;
}

export interface RoomInfo {
  room: string;
  members: Member[];
}

export interface ServerToClientEvents {
  [IO_SERVER_HELLO]: (text: string) => void;
  /** The named rooms (not the one each socket has for its id), to everyone on every change. */
  [IO_SERVER_ROOMS]: (rooms: RoomInfo[]) => void;
}

export interface ClientToServerEvents {
  [IO_CLIENT_JOIN_ROOM]: (room: string, ack?: Ack) => void;
  [IO_CLIENT_LEAVE_ROOM]: (room: string, ack?: Ack) => void;
  /** Said to every room the sender is in. */
  [IO_CLIENT_HELLO]: (text: string, ack?: Ack) => void;
}

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
