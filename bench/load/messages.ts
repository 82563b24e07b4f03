/**
 * The bench's server kinds: the workshop, plain Socket.IO (the library's own
 * cost, with connection state recovery as the workshop has it) and the raw `ws` floor.
 */
export type ServerKind = 'workshop' | 'plain' | 'ws';
/** Both speak Socket.IO: the same clients drive them. */
export const speaksSocketIO = (kind: ServerKind) => kind !== 'ws';

/** What the main thread asks a load worker. */
export type ToWorker =
  | { type: 'connect'; kind: ServerKind; url: string; first: number; count: number }
  | { type: 'join-chat'; room: string; roomSize: number }
  | { type: 'collect' }
  | { type: 'close' };

/** What a load worker answers. */
export type FromWorker =
  | { type: 'progress'; connected: number }
  | { type: 'connected'; connectMs: number[] }
  | { type: 'joined' }
  | { type: 'samples'; counts: number[]; times: number[]; chatMs: number[] }
  | { type: 'closed' }
  | { type: 'error'; message: string };

/** A chat line of the bench carries its send time: "b <ms>". */
export const chatLine = (sentAt: number) => `b ${sentAt}`;
export const sentAtOf = (text: string) => (text.startsWith('b ') ? Number(text.slice(2)) : NaN);

/** The chat room of student `i` (from 0) when the class is split into rooms of `size`. */
export const roomOf = (prefix: string, i: number, size: number) => `${prefix}-${Math.floor(i / size)}`;
