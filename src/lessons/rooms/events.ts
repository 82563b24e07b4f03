import type { Ack } from '../../shared/acks.ts';

/**
 * Lesson `rooms`: the event names and payloads, which the browser imports
 * too (so no zod here; the checks are in `contract.ts`). The event names are
 * constants that the server and the client both import, so a typo is a
 * compile error rather than a message that silently goes nowhere (what
 * seed 002 teaches, typed here).
 */
export const IO_CLIENT_JOIN_ROOM = 'IO_CLIENT_JOIN_ROOM';
export const IO_CLIENT_LEAVE_ROOM = 'IO_CLIENT_LEAVE_ROOM';
export const IO_CLIENT_HELLO = 'IO_CLIENT_HELLO';
export const IO_SERVER_HELLO = 'IO_SERVER_HELLO';
export const IO_SERVER_ROOMS = 'IO_SERVER_ROOMS';

/** Room names are trimmed, 1 to 32 characters; a client is in at most 10 rooms. */
export const ROOM_NAME_MAX = 32;
export const MAX_ROOMS_PER_CLIENT = 10;

/** The map goes out once things have been quiet this long after a change (as the client list of emit-vs-broadcast). */
export const MAP_QUIET_MS = 200;
/** How long the map waits for the other servers' answers: less than the quiet time. */
export const ANSWER_MS = 120;

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
