import type { Ack } from '../../shared/acks.ts';

/** Lesson `first-app`: a welcome, and a client that asks the server to disconnect it. */

export interface ServerToClientEvents {
  /** To the new client only, on connection: a sentence with its id. */
  welcome: (text: string) => void;
}

export interface ClientToServerEvents {
  /** "Disconnect me": the server calls `socket.disconnect()`. */
  goodbye: (ack?: Ack) => void;
}

/** The one name the lesson's middleware turns away, to show `connect_error`. */
export const TURNED_AWAY = 'Mallory';
