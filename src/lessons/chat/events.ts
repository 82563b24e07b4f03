import type { Ack } from '../../shared/acks.ts';

// Lesson `chat`, without zod: the browser imports these (and the in-page server gets its names).

export const HISTORY_LENGTH = 50;
/** Typing stops by itself this long after the last `typing: true`. */
export const TYPING_TIMEOUT_MS = 3000;
export const CHAT_ROOM_MAX = 32;
/** Comings and goings within this time make one `roomData` list. */
export const ROOM_LIST_DELAY_MS = 200;

export interface ChatUser {
  id: string;
  name: string;
}

/** What a person wrote. `private` ones go to one recipient (`to` is their name) and the sender. */
export interface UserMessage {
  id: number;
  user: string;
  text: string;
  /** Milliseconds since the epoch, on the server's clock. */
  at: number;
  private?: true;
  to?: string;
}

/** A join or leave notice. */
export interface SystemMessage {
  id: number;
  system: true;
  text: string;
  at: number;
}

export type ChatMessage = UserMessage | SystemMessage;

export interface ServerToClientEvents {
  message: (message: ChatMessage) => void;
  roomData: (data: { room: string; users: ChatUser[] }) => void;
  typing: (data: { user: string; typing: boolean }) => void;
}

export interface ClientToServerEvents {
  /** The answer's `history`: the room's last 50 messages, oldest first. */
  join: (
    payload: { name: string; room: string },
    ack?: Ack<{ history: ChatMessage[] }>,
  ) => void;
  sendMessage: (text: string, ack?: Ack<{ id: number; at: number }>) => void;
  typing: (typing: boolean, ack?: Ack) => void;
  privateMessage: (
    payload: { to: string; text: string },
    ack?: Ack<{ id: number }>,
  ) => void;
}
