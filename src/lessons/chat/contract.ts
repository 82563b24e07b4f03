import { z } from 'zod';
import type { Ack } from '../../shared/acks.ts';
import { displayName, roomName } from '../../shared/contract.ts';
import type { LessonContract } from '../../shared/events.ts';
import { messageText } from '../../shared/text.ts';

/** Lesson `chat`: a real chat built from the earlier pieces. */

// HISTORY_LENGTH, TYPING_TIMEOUT_MS and ROOM_LIST_DELAY_MS: the server's shown code says them
// again, to run as it is in the page (a server exercise); server.test.ts holds both to one value.
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

const chatRoom = roomName(CHAT_ROOM_MAX, {
  type: 'The room must be a string.',
  empty: 'Choose a room to join.',
});

export const chat = {
  slug: 'chat',
  clientEvents: {
    join: {
      args: z.tuple([
        z.object(
          { name: displayName, room: chatRoom },
          { error: 'Send { name, room } to join.' },
        ),
      ]),
      answers: true,
      rate: 'message', // "Ada joined" goes to the room: leaving and joining again is no free way to post
      claimsName: (args) => (args[0] as { name: string }).name,
    },
    sendMessage: { args: z.tuple([messageText]), answers: true, lockable: true },
    typing: {
      args: z.tuple([z.boolean({ error: 'Typing is true or false.' })]),
      answers: true,
    },
    privateMessage: {
      args: z.tuple([
        z.object(
          {
            to: z
              .string({ error: 'Say who the message is for.' })
              .min(1, 'Say who the message is for.'),
            text: messageText,
          },
          { error: 'Send { to: socketId, text } for a private message.' },
        ),
      ]),
      answers: true,
      lockable: true,
    },
  },
} satisfies LessonContract<ClientToServerEvents>;
