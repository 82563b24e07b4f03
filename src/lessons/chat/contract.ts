import { z } from 'zod';
import { displayName, roomName } from '../../shared/contract.ts';
import type { LessonContract } from '../../shared/events.ts';
import { messageText } from '../../shared/text.ts';
import { CHAT_ROOM_MAX, type ClientToServerEvents } from './events.ts';

/** Lesson `chat`: a real chat built from the earlier pieces. */

export * from './events.ts';

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
