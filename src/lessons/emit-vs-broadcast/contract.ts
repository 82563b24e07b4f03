import { z } from 'zod';
import type { Ack } from '../../shared/acks.ts';
import type { LessonContract } from '../../shared/events.ts';
import { messageText } from '../../shared/text.ts';

/** Lesson `emit-vs-broadcast`: four ways to send, and who receives each. */

export interface Client {
  id: string;
  name: string;
}

/** How a message was sent: `socket.emit`, `io.emit`, `socket.broadcast.emit`, `io.to(id).emit`. */
export type MessageKind = 'self' | 'all' | 'others' | 'direct';

export interface Message {
  from: Client;
  kind: MessageKind;
  text: string;
}

export interface ServerToClientEvents {
  message: (message: Message) => void;
  /** Everyone connected to the namespace (on every server), sent to all after someone comes or goes. */
  clients: (clients: Client[]) => void;
}

export interface ClientToServerEvents {
  'emit:self': (payload: { text: string }, ack?: Ack) => void;
  'emit:all': (payload: { text: string }, ack?: Ack) => void;
  'emit:others': (payload: { text: string }, ack?: Ack) => void;
  'emit:to': (payload: { to: string; text: string }, ack?: Ack) => void;
}

const textPayload = z.tuple([
  z.object({ text: messageText }, { error: 'Send an object like { text: "..." }.' }),
]);

export const emitVsBroadcast = {
  slug: 'emit-vs-broadcast',
  clientEvents: {
    'emit:self': { args: textPayload },
    'emit:all': { args: textPayload, rate: 'message' },
    'emit:others': { args: textPayload, rate: 'message' },
    'emit:to': {
      args: z.tuple([
        z.object(
          {
            to: z
              .string({ error: 'Say who to send to: { to: socketId, text }.' })
              .min(1, 'Say who to send to.'),
            text: messageText,
          },
          { error: 'Send an object like { to: socketId, text: "..." }.' },
        ),
      ]),
      // The handler answers: only it knows whether the recipient is connected.
      answers: true,
      rate: 'message',
    },
  },
} satisfies LessonContract<ClientToServerEvents>;
